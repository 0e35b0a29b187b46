//! Where the links in messages point: the office's public origin.

/// Where the links in complaint messages point, and who hears about SLA states.
#[derive(Debug, Clone)]
pub struct Links {
    pub public_base_url: String,
}

impl Links {
    /// The `public_base_url` setting, or the local address `spin up` serves on.
    pub fn new(public_base_url: Option<String>) -> Links {
        Links {
            public_base_url: public_base_url.unwrap_or_else(|| "http://127.0.0.1:3000".to_owned()),
        }
    }

    /// Whether the office is reached over https: it decides the staff cookies'
    /// `Secure` and the `Strict-Transport-Security` header.
    pub fn is_https(&self) -> bool {
        self.public_base_url
            .trim()
            .to_ascii_lowercase()
            .starts_with("https://")
    }

    /// Whether the office is served only on this machine (a developer's `spin up`):
    /// the one place the production secrets may stay unset.
    pub fn is_local(&self) -> bool {
        let url = self.public_base_url.trim().to_ascii_lowercase();
        let rest = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(""),
            None => authority.split(':').next().unwrap_or(""),
        };
        host == "localhost"
            || host.ends_with(".localhost")
            || host == "::1"
            || host
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// A live ticket's short link (issue 22): on the printed ticket and its QR code.
    pub fn live_ticket(&self, token: &crate::kernel::token::LinkToken) -> String {
        self.to(&format!("t/{}", token.as_str()))
    }

    pub(crate) fn to(&self, path: &str) -> String {
        format!("{}/{path}", self.public_base_url.trim_end_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::Links;

    #[test]
    fn only_this_machine_is_local() {
        let local = |url: &str| Links::new(Some(url.to_owned())).is_local();
        assert!(Links::new(None).is_local());
        for url in [
            "http://127.0.0.1:3000",
            "http://localhost",
            "https://LOCALHOST:8443/",
            "http://ghiseu.localhost/x",
            "http://[::1]:3000",
            "http://127.8.0.1",
        ] {
            assert!(local(url), "{url}");
        }
        for url in [
            "https://programari.test",
            "http://10.0.0.5:3000",
            "https://127.0.0.1.example.ro",
            "https://localhost.example.ro",
            "http://[2001:db8::1]",
            "http://0.0.0.0:3000",
        ] {
            assert!(!local(url), "{url}");
        }
    }
}
