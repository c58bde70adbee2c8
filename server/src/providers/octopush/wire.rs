//! Octopush's JSON bodies, field for field.

use serde::{Deserialize, Serialize};

/// `POST /sms-campaign/send`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SendCampaignRequest {
    pub text: String,
    pub recipients: Vec<Recipient>,
    #[serde(rename = "type")]
    pub sms_type: SmsType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// ISO 8601 with offset; absent: now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_at: Option<String>,
    pub purpose: WirePurpose,
    pub with_replies: bool,
    pub simulation_mode: bool,
    /// Idempotency key: the same id within 24 hours is refused (code 120).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_optimize_text: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_remove_blacklisted_numbers: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub phone_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param3: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param4: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param5: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SmsType {
    #[serde(rename = "sms_premium")]
    Premium,
    #[serde(rename = "sms_low_cost")]
    LowCost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WirePurpose {
    #[serde(rename = "alert")]
    Alert,
    /// Octopush's word for marketing.
    #[serde(rename = "wholesale")]
    Wholesale,
}

/// HTTP 201 answer to a send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SendCampaignResponse {
    pub sms_ticket: String,
    pub number_of_contacts: u32,
    pub total_cost: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_sms_needed: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_credit: Option<f64>,
}

/// Every error answer: `{"code": 106, "message": "…"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: i64,
    pub message: String,
}

/// `DELETE /sms-campaign/cancel` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelRequest {
    pub ticket_number: String,
}

/// `GET /wallet/check-balance` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceResponse {
    pub amount: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wallet_packs: Vec<WalletPack>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WalletPack {
    pub wallet_pack_id: String,
    pub credit: f64,
    pub expiration_date: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_send_request_serialises_exactly_as_the_contract_shows() {
        let request = SendCampaignRequest {
            text: "Hello {first_name}".into(),
            recipients: vec![Recipient {
                phone_number: "+33600000000".into(),
                first_name: Some("Ann".into()),
                ..Recipient::default()
            }],
            sms_type: SmsType::Premium,
            sender: Some("ACME".into()),
            send_at: Some("2025-07-29T11:00:39-07:00".into()),
            purpose: WirePurpose::Wholesale,
            with_replies: false,
            simulation_mode: false,
            request_id: Some("b6d9".into()),
            auto_optimize_text: None,
            auto_remove_blacklisted_numbers: None,
        };
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({
                "text": "Hello {first_name}",
                "recipients": [{"phone_number": "+33600000000", "first_name": "Ann"}],
                "type": "sms_premium",
                "sender": "ACME",
                "send_at": "2025-07-29T11:00:39-07:00",
                "purpose": "wholesale",
                "with_replies": false,
                "simulation_mode": false,
                "request_id": "b6d9"
            })
        );
    }

    #[test]
    fn parses_the_documented_answers_old_and_new() {
        let old: SendCampaignResponse = serde_json::from_value(json!({
            "sms_ticket": "sms_5f3fbce61266e", "number_of_contacts": 1, "total_cost": 5.00502839
        }))
        .unwrap();
        assert_eq!(old.number_of_sms_needed, None);
        let new: SendCampaignResponse = serde_json::from_value(json!({
            "sms_ticket": "sms_5f3fbce61266e", "number_of_contacts": 1, "total_cost": 5.00502839,
            "number_of_sms_needed": 1, "residual_credit": 99.5
        }))
        .unwrap();
        assert_eq!(new.residual_credit, Some(99.5));
        let detailed: BalanceResponse = serde_json::from_value(json!({
            "amount": 204, "unit": "sms_premium",
            "wallet_packs": [{"wallet_pack_id": "a1", "credit": 12.54, "expiration_date": "2030-10-23T13:41:46+02:00"}]
        }))
        .unwrap();
        assert_eq!(detailed.wallet_packs[0].credit, 12.54);
    }
}
