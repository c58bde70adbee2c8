//! Français : what the server says about a recipient or a campaign (why it is left out, moved or
//! sent with a caution, what happened to it), and the terms those sentences are made of. The
//! English sentences are in `en_notices.rs`.

use chrono::NaiveDate;

use super::window_words::{window_in_words, WindowWords};
use super::{fr_names, instants, plural};
use crate::domain::holidays::Holiday;
use crate::models::calendar_date;
use crate::models::{
    ClockChange, Closed, Notice, NumberKind, Reconciliation, ResendBlocked, Then, UndeliveredCause,
    WindowTerms,
};

/// The days of the week, from Monday.
pub(super) const DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// A sending rule's name, in French when it is a built-in one, else as configured.
fn rule_or_itself(name: &str) -> String {
    fr_names::rule(name).map_or_else(|| name.to_owned(), str::to_owned)
}

/// `3 jours`.
pub(super) fn days(n: u32) -> String {
    format!("{n} jour{}", plural::french(n.into()))
}

/// `lundi–vendredi 08:00–20:00, jamais les jours fériés en France (Europe/Paris)`.
pub(super) fn window_terms(window: &WindowTerms) -> String {
    window_in_words(
        window,
        &WindowWords {
            days: DAYS,
            every_day: "tous les jours",
            french_holidays: ", jamais les jours fériés en France",
            territory_holidays: ", jamais les jours fériés en France ni le jour de l'abolition de l'esclavage du territoire",
            local_time: "heure locale du destinataire",
        },
    )
}

pub(super) fn notice(notice: &Notice) -> String {
    match notice {
        Notice::OptedOut { source, since } => {
            format!("désinscrit ({}, {since})", fr_names::opt_out_source(*source))
        }
        Notice::OverCap {
            sent,
            days: within,
            at,
            cap,
        } => format!(
            "plafond de fréquence : déjà {sent} SMS marketing en {} (le {}) ; le \
             plafond est de {cap}",
            days(*within),
            instants(at)
        ),
        Notice::ZonesChecked { policy, zones } => format!(
            "fuseau horaire non donné : la règle {} est vérifiée dans tous les fuseaux du pays ({})",
            rule_or_itself(policy),
            zones.join(", ")
        ),
        Notice::ZoneUnknown {
            policy,
            campaign_zone,
        } => format!(
            "fuseau horaire inconnu : la règle {} est vérifiée dans le fuseau de la campagne, \
             {campaign_zone}",
            rule_or_itself(policy)
        ),
        Notice::LocalTimeInCampaignZone {
            local,
            campaign_zone,
        } => format!(
            "fuseau horaire inconnu : envoyé à {local} dans le fuseau de la campagne, \
             {campaign_zone}"
        ),
        Notice::Outside {
            policy,
            window,
            closed: why,
            then,
        } => {
            let then = match then {
                Then::Advised => String::new(),
                Then::Deferred => " ; décalé à la prochaine heure permise".into(),
                Then::NoTimeWithinAYear => " ; aucune heure permise d'ici un an".into(),
                Then::Skipped => " ; la campagne écarte ces destinataires".into(),
                Then::SentAnyway { reason } => format!(" ; envoyé malgré tout : {reason}"),
            };
            format!(
                "hors de la règle {} : {} : {}{then}",
                rule_or_itself(policy),
                window_terms(window),
                closed(why)
            )
        }
        Notice::NotHandedOverInTime { due } => format!(
            "Pas remis au fournisseur avant son heure d'envoi ({due}) : le serveur s'est arrêté. \
             Rien n'a été envoyé ; planifiez-le de nouveau."
        ),
        Notice::NotHandedOverRequestLost => "Pas remis au fournisseur (le serveur s'est \
             arrêté), et la requête n'a pas été gardée : planifiez-le de nouveau."
            .into(),
        Notice::HandOverUnconfirmed { why, because } => {
            let because = match because {
                ResendBlocked::SendTimePassed { due } => {
                    format!("son heure d'envoi ({due}) est passée")
                }
                ResendBlocked::RequestNotKept => "la requête n'a pas été gardée".to_owned(),
                ResendBlocked::CouldBeSentTwice => {
                    "un nouvel envoi pourrait maintenant partir deux fois".to_owned()
                }
            };
            format!(
                "Le serveur s'est arrêté pendant la remise, et on ne peut pas établir si le \
                 fournisseur l'a : {why} Il n'est pas renvoyé car {because}. Un accusé de \
                 réception tranchera ; sinon, vérifiez auprès du fournisseur."
            )
        }
        Notice::NoAnswerLookedUp { provider, message } => format!(
            "{message} ; c'est enregistré, et ce sera vérifié puis remis de nouveau si {provider} \
             ne l'a pas : ne le planifiez pas une seconde fois"
        ),
        Notice::TakenOverByReconciliation => {
            "repris par la réconciliation d'une autre instance".into()
        }
        Notice::LeftToReconciliation => {
            "pas encore envoyé : l'enregistrement a échoué ; la réconciliation l'enverra".into()
        }
        Notice::RateLimitedSentLater { provider } => format!(
            "pas encore envoyé : {provider} a demandé de ralentir (trop de requêtes) ; il est \
             renvoyé automatiquement tant que son heure d'envoi le permet : ne le planifiez pas \
             une seconde fois"
        ),
        Notice::ProviderRefused { reason } => format!("refusé par le fournisseur : {reason}"),
        Notice::StopReply { provider, text } => format!("réponse {provider} : {text}"),
        Notice::RulesOverridden { reason } => {
            format!("règles d'envoi outrepassées : {reason}")
        }
        Notice::MovedTo { at, refused } if refused.is_empty() => format!("au {at}"),
        Notice::MovedTo { at, refused } => format!("au {at} ; refusé : {}", refused.join(" ; ")),
        Notice::OperationRefused { refused } => format!("refusé : {}", refused.join(" ; ")),
        Notice::Reconciled {
            recipients,
            submission,
            outcome,
        } => {
            let what = match outcome {
                Reconciliation::ProviderHadIt => "le fournisseur l'avait",
                Reconciliation::SentAgain => "renvoyée",
                Reconciliation::SentAgainRefused => "renvoyée, refusée par le fournisseur",
                Reconciliation::Missed => "heure d'envoi manquée, pas envoyée",
                Reconciliation::Unconfirmed => "n'a pas pu être confirmée",
            };
            let s = plural::french(*recipients as u64);
            format!("{recipients} destinataire{s} de la requête {submission} : {what}")
        }
        Notice::Words(words) => words.clone(),
        Notice::ValueOnSeveralLines { column } => format!(
            "son {{{column}}} tient sur plusieurs lignes dans la liste : le SMS va à la ligne là \
             aussi"
        ),
        Notice::RequestRefused {
            provider,
            code,
            words,
        } => super::fr_problems::provider_said(*provider, code.as_deref(), words),
        Notice::CanceledBy { actor } => format!("annulé par {actor}"),
        Notice::NotMobile { kind } => format!(
            "{}, qui peut ne pas recevoir de SMS (le mobile d'un autre pays écrit sans son \
             indicatif peut se lire ainsi)",
            number_kind(*kind)
        ),
        Notice::ClockChange {
            local,
            zone,
            change:
                ClockChange::HappensTwice {
                    offset,
                    later_offset,
                },
        } => format!(
            "{local} existe deux fois dans le fuseau {zone} (on recule les horloges) : envoi à \
             la première, UTC{offset}, pas à la seconde, UTC{later_offset}"
        ),
        Notice::ClockChange {
            local,
            zone,
            change: ClockChange::DoesNotHappen { sent },
        } => format!(
            "{local} n'existe pas dans le fuseau {zone} (on avance les horloges) : envoi à {sent}"
        ),
        Notice::Undelivered {
            provider,
            cause,
            code,
            words,
        } => {
            let cause = undelivered_cause(*cause);
            match (code, words) {
                (Some(code), Some(words)) => format!("{cause} ({provider} : {code}, « {words} »)"),
                (Some(said), None) | (None, Some(said)) => format!("{cause} ({provider} : {said})"),
                (None, None) => cause.to_owned(),
            }
        }
    }
}

fn undelivered_cause(cause: UndeliveredCause) -> &'static str {
    match cause {
        UndeliveredCause::NoSuchNumber => "le numéro n'existe pas ou ne peut pas recevoir de SMS",
        UndeliveredCause::Unreachable => {
            "le téléphone était éteint, hors de portée ou n'a pas pu le recevoir"
        }
        UndeliveredCause::NotAllowed => "l'opérateur ne l'autorise pas pour ce numéro",
        UndeliveredCause::Blacklisted => {
            "le numéro est sur la liste noire du fournisseur (il a envoyé STOP)"
        }
        UndeliveredCause::Handset => "un problème de téléphone ou d'abonnement",
        UndeliveredCause::Account => "un problème de compte, d'expéditeur ou de message",
        UndeliveredCause::Operator => "un problème sur le réseau de l'opérateur",
        UndeliveredCause::NeverConfirmed => "l'opérateur n'a jamais confirmé la remise",
        UndeliveredCause::Unexplained => "un statut que le fournisseur n'explique pas",
    }
}

fn number_kind(kind: NumberKind) -> &'static str {
    match kind {
        NumberKind::Landline => "un numéro fixe",
        NumberKind::TollFree => "un numéro gratuit",
        NumberKind::PremiumRate => "un numéro surtaxé",
        NumberKind::SharedCost => "un numéro à coût partagé",
        NumberKind::CompanyNumber => "un numéro unique d'entreprise",
        NumberKind::Voicemail => "un numéro de messagerie vocale",
        NumberKind::Pager => "un numéro de pager",
    }
}

pub(super) fn closed(closed: &Closed) -> String {
    match closed {
        Closed::Holiday {
            date,
            holiday: day,
            zone,
        } => format!(
            "le {} est férié ({}) en {zone}",
            date_in_words(*date),
            holiday(*day)
        ),
        Closed::NotASendingDay { date, zone } => {
            format!(
                "le {} n'est pas un jour d'envoi en {zone}",
                date_in_words(*date)
            )
        }
        Closed::Hours {
            time,
            start,
            end,
            zone,
        } => format!("{time} est hors de {start}–{end} en {zone}"),
    }
}

/// `dimanche 6 décembre 2026`.
fn date_in_words(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    calendar_date::in_words(date, &DAYS, &MONTHS)
}

fn holiday(holiday: Holiday) -> &'static str {
    match holiday {
        Holiday::NewYearsDay => "jour de l'An",
        Holiday::EasterMonday => "lundi de Pâques",
        Holiday::LabourDay => "fête du Travail",
        Holiday::VictoryInEuropeDay => "victoire du 8 mai 1945",
        Holiday::AscensionDay => "Ascension",
        Holiday::WhitMonday => "lundi de Pentecôte",
        Holiday::BastilleDay => "fête nationale",
        Holiday::AssumptionDay => "Assomption",
        Holiday::AllSaintsDay => "Toussaint",
        Holiday::ArmisticeDay => "armistice de 1918",
        Holiday::ChristmasDay => "Noël",
        Holiday::AbolitionOfSlavery => "abolition de l'esclavage",
    }
}
