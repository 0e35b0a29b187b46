/// One test per shared scenario, on the given backend.
macro_rules! scenarios_on {
    ($backend:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $name() {
                crate::scenarios::$name($backend).await
            }
        )*
    };
}
