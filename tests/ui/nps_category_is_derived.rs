// `category` follows `score` and is private: a struct literal cannot set it (or a score that
// disagrees with it); only NewNpsResponse::new builds one.
use customer_success_db::models::NewNpsResponse;
use customer_success_db::types::{NonNegativeF64, NpsCategory, NpsScore, Sentiment, SentimentScore};

fn main() {
    let _response = NewNpsResponse {
        response_id: "R-1".to_owned(),
        client_id: "acme".to_owned(),
        survey_id: "S-1".to_owned(),
        respondent_email: "pat@example.com".to_owned(),
        respondent_name: "Pat".to_owned(),
        score: NpsScore::MIN,
        category: NpsCategory::Promoter,
        reason: None,
        follow_up_question_1: None,
        follow_up_answer_1: None,
        follow_up_question_2: None,
        follow_up_answer_2: None,
        sentiment: Sentiment::Positive,
        sentiment_score: SentimentScore::MAX,
        follow_up_required: None,
        contacted: None,
        survey_sent_at: chrono::Utc::now(),
        responded_at: None,
        response_time_hours: NonNegativeF64::MIN,
    };
}
