//! A local stand-in for the email and SMS providers, for apps running on real Spin:
//! it records every request it gets and answers 200 (a checkout session to a payment
//! provider's call).

use crate::host::Captured;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

/// What a provider answers (here and, unscripted, in the test host): a Stripe
/// checkout session named after the order it is opened for (`cs_test_{order}`, as the
/// tests' webhook events name it), a Stripe refund that succeeded, else a plain
/// acceptance.
pub fn answer(path: &str, body: &[u8]) -> String {
    let field = |name: &str| {
        form_urlencoded::parse(body)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    if path.ends_with("/v1/checkout/sessions") {
        let order = field("client_reference_id");
        return serde_json::json!({"id": format!("cs_test_{order}"), "object": "checkout.session",
            "url": format!("https://checkout.stripe.test/c/pay/cs_test_{order}")})
        .to_string();
    }
    if path.ends_with("/v1/refunds") {
        let payment = field("payment_intent");
        return serde_json::json!({"id": format!("re_{payment}"), "object": "refund",
            "status": "succeeded"})
        .to_string();
    }
    "{\"accepted\":true}".to_owned()
}

/// The provider sink: its address and what it has received.
#[derive(Clone)]
pub struct Sink {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Captured>>>,
}

impl Sink {
    /// Listens on a free local port until the runtime ends.
    pub async fn start() -> anyhow::Result<Sink> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let sink = Sink {
            addr: listener.local_addr()?,
            received: Arc::default(),
        };
        let received = sink.received.clone();
        let origin = format!("http://{}", sink.addr);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (received, origin) = (received.clone(), origin.clone());
                tokio::spawn(async move {
                    let service = service_fn(move |req: http::Request<hyper::body::Incoming>| {
                        let (received, origin) = (received.clone(), origin.clone());
                        async move {
                            let (parts, body) = req.into_parts();
                            let body = body.collect().await?.to_bytes();
                            let answer = answer(parts.uri.path(), &body);
                            received.lock().unwrap().push(Captured {
                                method: parts.method.to_string(),
                                url: format!("{origin}{}", parts.uri),
                                headers: parts.headers,
                                body,
                            });
                            Ok::<_, hyper::Error>(http::Response::new(Full::new(Bytes::from(
                                answer,
                            ))))
                        }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Ok(sink)
    }

    /// `http://127.0.0.1:<port>`, for the `*_api_origin` variables.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn received(&self) -> Vec<Captured> {
        self.received.lock().unwrap().clone()
    }
}
