/// One test per shared scenario (`scenarios.rs`), on the given backend.
macro_rules! scenarios_on {
    ($backend:expr) => {
        scenarios_on!($backend;
            r01_rush_books_exactly_the_online_seats,
            r02_r03_book_retry_and_check_status,
            r04_confirmation_reaches_the_providers_once,
            r14_cancel_through_the_reminder_link,
            c01_complaint_intake_and_staff_acknowledgement,
            r19_staff_day_view_with_a_duplicate_vin_day,
            bot_defence_challenge_admits_one_submission,
            per_address_limit_reads_the_trusted_proxy_header,
            office_config_errors_name_the_setting,
            health_answers_while_the_database_does,
            r19_back_office_session_from_login_to_logout,
            d01_d03_order_paid_by_webhook_issued_and_downloaded,
            r19_parallel_guesses_get_three_checks_and_lock_the_guessing_address_not_the_owner,
            floor_clerks_calling_at_once_never_call_the_same_person,
        );
    };
    ($backend:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $name() {
                crate::scenarios::$name($backend).await
            }
        )*
    };
}
