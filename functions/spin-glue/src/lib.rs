//! Spin's side of the seams: SQLite behind the shared crate's trait,
//! the `office` variable, and the one request entry point every component uses.

use futures::StreamExt;
use ghiseu_core::Error;
use ghiseu_core::context::Context;
use ghiseu_core::messaging::links::Links;
use ghiseu_core::messaging::outbox::{Provider, Providers};
use ghiseu_core::office::Office;
use ghiseu_core::seams::Counters;
use ghiseu_core::seams::HttpClient;
use ghiseu_core::seams::HttpReply;
use ghiseu_core::seams::Sent;
use ghiseu_core::seams::Settings;
use ghiseu_core::seams::Transport;
use ghiseu_core::storage::schema;
use ghiseu_core::storage::{Database, LazyConnection, Rows, StorageError, Value};
use ghiseu_core::web::observe;
use ghiseu_core::web::toolkit::{self, Request, Response};
use spin_sdk::http::{IncomingRequest, Method};
use spin_sdk::{key_value, sqlite, variables};
use std::cell::OnceCell;

/// A connection to the `default` SQLite database; every open is a new connection.
pub struct SpinDb(sqlite::Connection);

impl SpinDb {
    /// Opens the database and readies the connection (busy timeout, WAL, schema).
    pub fn open() -> Result<Self, Error> {
        let conn = sqlite::Connection::open_default()
            .map_err(|e| StorageError::Other(format!("open sqlite: {e}")))?;
        let db = SpinDb(conn);
        schema::prepare(&db)?;
        Ok(db)
    }
}

impl Database for SpinDb {
    fn execute(&self, sql: &str, params: &[Value]) -> Result<Rows, StorageError> {
        let params: Vec<sqlite::Value> = params
            .iter()
            .map(|p| match p {
                Value::Integer(i) => sqlite::Value::Integer(*i),
                Value::Real(f) => sqlite::Value::Real(*f),
                Value::Text(s) => sqlite::Value::Text(s.clone()),
                Value::Blob(b) => sqlite::Value::Blob(b.clone()),
                Value::Null => sqlite::Value::Null,
            })
            .collect();
        let result = self.0.execute(sql, &params).map_err(|e| match e {
            sqlite::Error::Io(message) => StorageError::from_message(message),
            other => StorageError::Other(other.to_string()),
        })?;
        let rows = result
            .rows
            .into_iter()
            .map(|row| {
                row.values
                    .into_iter()
                    .map(|v| match v {
                        sqlite::Value::Integer(i) => Value::Integer(i),
                        sqlite::Value::Real(f) => Value::Real(f),
                        sqlite::Value::Text(s) => Value::Text(s),
                        sqlite::Value::Blob(b) => Value::Blob(b),
                        sqlite::Value::Null => Value::Null,
                    })
                    .collect()
            })
            .collect();
        Ok(Rows {
            columns: result.columns,
            rows,
        })
    }
}

/// Spin's `default` key-value store, opened on first use: only the components that
/// count abuse limits declare it.
#[derive(Default)]
pub struct SpinCounters(OnceCell<Result<key_value::Store, String>>);

impl SpinCounters {
    fn store(&self) -> Result<&key_value::Store, String> {
        self.0
            .get_or_init(|| key_value::Store::open_default().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Counters for SpinCounters {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        self.store()?.get(key).map_err(|e| e.to_string())
    }

    fn set(&self, key: &str, value: &[u8]) -> Result<(), String> {
        self.store()?.set(key, value).map_err(|e| e.to_string())
    }
}

/// The office configuration: defaults, overridden by the `office` variable's JSON.
pub fn office() -> Result<Office, Error> {
    let json = variables::get("office").ok();
    Office::from_override_json(json.as_deref())
}

/// The office's setup in force, for a component outside `handle` (the pages).
pub fn setup() -> Result<ghiseu_core::office::Setup, Error> {
    let db = LazyConnection::new(SpinDb::open);
    let office = office()?;
    Ok(ghiseu_core::office::setup::store::load(&db, &office.setup, chrono::Utc::now())?.setup)
}

fn method(m: Method) -> http::Method {
    match m {
        Method::Get => http::Method::GET,
        Method::Head => http::Method::HEAD,
        Method::Post => http::Method::POST,
        Method::Put => http::Method::PUT,
        Method::Delete => http::Method::DELETE,
        Method::Patch => http::Method::PATCH,
        Method::Options => http::Method::OPTIONS,
        Method::Connect => http::Method::CONNECT,
        Method::Trace => http::Method::TRACE,
        Method::Other(o) => http::Method::from_bytes(o.as_bytes()).unwrap_or(http::Method::GET),
    }
}

/// The request's head; its body is read by `read_body`, once the route may take it.
fn head_of(incoming: &IncomingRequest) -> Request {
    let mut builder = http::Request::builder()
        .method(method(incoming.method()))
        .uri(incoming.path_with_query().unwrap_or_else(|| "/".to_owned()));
    for (name, value) in incoming.headers().entries() {
        builder = builder.header(name, value);
    }
    builder.body(Vec::new()).unwrap_or_else(|_| {
        http::Request::builder()
            .uri("/")
            .body(Vec::new())
            .expect("plain request")
    })
}

/// The body, read up to the limit: a larger body is refused without being read to
/// the end.
async fn read_body(
    incoming: IncomingRequest,
    request: &mut Request,
    limit: usize,
) -> Result<(), Error> {
    let mut stream = incoming.into_body_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Error::MalformedBody)?;
        if request.body().len() + chunk.len() > limit {
            return Err(Error::PayloadTooLarge);
        }
        request.body_mut().extend(chunk);
    }
    Ok(())
}

/// What a component does with a request once it is read.
pub type Route = fn(&Request, &Context) -> Result<Response, Error>;

/// What a component checks on a request's head before it reads a body larger than a
/// form (an upload): who is asking, so a stranger's 10 MiB is never read.
pub type Admit = fn(&Request, &Context) -> Result<(), Error>;

/// Reads the request, runs the route and renders any error. The database is opened,
/// and a variable read, only if the route uses it.
pub async fn serve(incoming: IncomingRequest, route: Route) -> Response {
    serve_admitting(incoming, |_, _| Ok(()), route).await
}

/// `serve`, with `admit` run on the head of every request whose route takes a body
/// larger than a form, before that body is read.
pub async fn serve_admitting(incoming: IncomingRequest, admit: Admit, route: Route) -> Response {
    let started = std::time::Instant::now();
    let mut request = head_of(&incoming);
    let limit = toolkit::body_limit(request.uri().path());
    let db = LazyConnection::new(SpinDb::open);
    let counters = SpinCounters::default();
    let outcome = async {
        if let Some(answer) = toolkit::check_method(&request)? {
            return Ok(answer);
        }
        let office = office()?;
        let ctx = Context::new(
            &db,
            &office,
            chrono::Utc::now(),
            &counters,
            &SpinVariables,
            &SpinTransport,
        );
        if limit > toolkit::MAX_BODY_BYTES {
            admit(&request, &ctx)?;
        }
        read_body(incoming, &mut request, limit).await?;
        route(&request, &ctx)
    }
    .await;
    let (response, refusal) = match outcome {
        Ok(response) => (response, None),
        Err(e) => (toolkit::error_response(&request, &e), Some(e)),
    };
    let links = Links::new(SpinVariables.get("public_base_url"));
    let response = toolkit::finish(&request, response, &links);
    let status = response.status().as_u16();
    let outcome = refusal.as_ref().map_or(Ok(()), Err);
    log(observe::request_line(
        &request,
        status,
        outcome,
        started.elapsed(),
    ));
    response
}

/// One structured line on the component's stderr (Spin keeps it in its log directory).
fn log(line: String) {
    eprintln!("{line}");
}

/// The component's Spin variables behind the shared crate's settings seam.
struct SpinVariables;

impl Settings for SpinVariables {
    fn get(&self, name: &str) -> Option<String> {
        variable(name)
    }
}

/// A Spin variable, None when unset or blank.
pub fn variable(name: &str) -> Option<String> {
    variables::get(name).ok().filter(|v| !v.trim().is_empty())
}

/// The public origin links in messages start with.
pub fn public_base_url() -> String {
    ghiseu_core::messaging::links::Links::new(variable("public_base_url")).public_base_url
}

/// The providers from the variables; a channel without a URL is not configured.
pub fn providers() -> Providers {
    let provider = |url: &str, token: &str| {
        variable(url).map(|url| Provider {
            url,
            token: variable(token).unwrap_or_default(),
        })
    };
    Providers {
        email: provider("email_api_url", "email_api_token"),
        sms: provider("sms_api_url", "sms_api_token"),
        mail_sender: variable("mail_sender")
            .unwrap_or_else(|| "programari@ghiseu.example".to_owned()),
        public_base_url: public_base_url(),
        max_attempts: variable("delivery_max_attempts")
            .and_then(|v| v.parse().ok())
            .unwrap_or(6),
    }
}

/// Spin's outbound HTTP behind the shared crate's seams (messages, payments).
pub struct SpinTransport;

/// One outbound POST with a bearer token and an Idempotency-Key.
fn post(
    url: &str,
    content_type: &str,
    bearer: &str,
    idempotency_key: &str,
    body: Vec<u8>,
) -> Result<spin_sdk::http::Response, spin_sdk::http::SendError> {
    let request = spin_sdk::http::Request::builder()
        .method(Method::Post)
        .uri(url)
        .header("content-type", content_type)
        .header("authorization", format!("Bearer {bearer}"))
        .header("idempotency-key", idempotency_key)
        .body(body)
        .build();
    spin_sdk::http::run(spin_sdk::http::send(request))
}

impl Transport for SpinTransport {
    fn post_json(
        &self,
        url: &str,
        token: &str,
        idempotency_key: &str,
        body: &serde_json::Value,
    ) -> Sent {
        let sent = post(
            url,
            "application/json",
            token,
            idempotency_key,
            body.to_string().into_bytes(),
        );
        match sent {
            Ok(response) => Sent::Status(*response.status()),
            Err(e) => Sent::Failed(e.to_string()),
        }
    }
}

impl HttpClient for SpinTransport {
    fn post_form(
        &self,
        url: &str,
        bearer: &str,
        idempotency_key: &str,
        form: &[(String, String)],
    ) -> Result<HttpReply, String> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let sent = post(
            url,
            "application/x-www-form-urlencoded",
            bearer,
            idempotency_key,
            body.into_bytes(),
        );
        sent.map(|response| HttpReply {
            status: *response.status(),
            body: response.into_body(),
        })
        .map_err(|e| e.to_string())
    }
}

/// The office's key for contact hashes (bans, access requests), `contact_key`.
pub fn contact_key() -> ghiseu_core::identity::contact_key::ContactKey {
    ghiseu_core::identity::contact_key::ContactKey::new(variable("contact_key").as_deref())
}

/// The office time reminders go out the day before (R14), `reminder_time`, default 10:00.
pub fn reminder_time() -> chrono::NaiveTime {
    variable("reminder_time")
        .and_then(|t| chrono::NaiveTime::parse_from_str(&t, "%H:%M").ok())
        .unwrap_or_else(|| chrono::NaiveTime::from_hms_opt(10, 0, 0).expect("valid time"))
}

/// What a cron run works with.
pub struct CronEnv<'a> {
    pub db: &'a dyn Database,
    pub office: &'a Office,
    pub providers: Providers,
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Opens storage and configuration for one tick of the cron `name`, and logs the run;
/// errors become the tick's error text.
pub fn run_cron(
    name: &str,
    work: impl FnOnce(&CronEnv) -> Result<(), Error>,
) -> Result<(), String> {
    let started = std::time::Instant::now();
    let run = || {
        let db = LazyConnection::new(SpinDb::open);
        let office = office()?;
        let env = CronEnv {
            db: &db,
            office: &office,
            providers: providers(),
            now: chrono::Utc::now(),
        };
        work(&env)
    };
    let outcome = run();
    log(observe::cron_line(
        name,
        outcome.as_ref().map(|_| ()),
        started.elapsed(),
    ));
    outcome.map_err(|e| e.to_string())
}
