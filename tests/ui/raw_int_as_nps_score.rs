// NewNpsResponse::new takes an NpsScore, not a bare integer.
use customer_success_db::models::NewNpsResponse;
use customer_success_db::types::{NonNegativeF64, Sentiment, SentimentScore};

fn main() {
    let _response = NewNpsResponse::new(
        "R-1",
        "acme",
        "S-1",
        "pat@example.com",
        "Pat",
        9,
        Sentiment::Positive,
        SentimentScore::MAX,
        chrono::Utc::now(),
        NonNegativeF64::MIN,
    );
}
