// The tuple constructor is private: a Money can only come from the validating constructors,
// so a negative amount cannot be wrapped directly.
use bigdecimal::BigDecimal;
use customer_success_db::types::Money;

fn main() {
    let _refund = Money(BigDecimal::from(-5));
}
