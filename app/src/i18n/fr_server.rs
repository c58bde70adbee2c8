//! Français : what the server found wrong with an input, and why it refused a request.

use chrono::NaiveDate;

use super::fr::{DAYS, FR};
use crate::domain::holidays::Holiday;
use crate::domain::message::{MessageTextError, MAX_TEXT_CHARS};
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use crate::domain::placeholders::PlaceholderError;
use crate::domain::sender::SenderIdError;
use crate::models::calendar_date;
use crate::models::{
    Amount, Closed, Notice, Problem, ProviderId, ProviderOption, Reconciliation, Refusal,
    RefusalCode, ResendBlocked, RuleBreak, Then,
};

pub(super) fn problem(problem: &Problem) -> String {
    match problem {
        Problem::Text(e) => text(e),
        Problem::PersonalisedText(e) => format!("une fois personnalisé : {}", text(e)),
        Problem::Placeholder(e) => placeholder(e),
        Problem::StopMentionMissing {
            provider: ProviderId::Infobip,
            mention,
        } => format!(
            "Un SMS marketing vers des numéros français doit porter la mention de désinscription \
             « {mention} » (le numéro STOP du compte), écrite exactement ainsi."
        ),
        Problem::StopMentionNotConfigured => "Un SMS marketing vers des numéros français doit \
             offrir un moyen gratuit de se désinscrire, et aucune mention n'est configurée pour \
             Infobip : renseignez infobip.stop_mention avec le numéro STOP du compte (par exemple \
             « STOP au 36111 »)."
            .into(),
        Problem::StopMentionMissing {
            provider: ProviderId::Octopush,
            mention,
        } => format!(
            "Un SMS marketing doit porter la mention de désinscription « {mention} », écrite \
             exactement ainsi (Octopush remplace XXXXX par son numéro de désinscription)."
        ),
        Problem::NoRecipient => "Ajoutez au moins un destinataire.".into(),
        Problem::TooManyRecipients { count, max } => {
            format!("{count} destinataires : une campagne en compte au plus {max}.")
        }
        Problem::MoreLineErrors(n) => format!("…et {n} autres lignes en erreur."),
        Problem::Phone(e) => phone(e),
        Problem::UnreadableLine { detail } => {
            format!("cette ligne n'est pas du CSV lisible : {detail}")
        }
        Problem::UnreadableHeader { detail } => {
            format!("l'en-tête n'est pas du CSV lisible : {detail}")
        }
        Problem::ValueCount { values, columns } => {
            format!("{values} valeurs, mais l'en-tête nomme {columns} colonnes.")
        }
        Problem::UnknownColumn(name) => format!(
            "la colonne « {name} » n'est pas connue ; les colonnes sont phone, first_name, \
             last_name, param1…param5, time_zone et ignore."
        ),
        Problem::RepeatedColumn(name) => format!("la colonne « {name} » apparaît deux fois."),
        Problem::ValueTooLong { column, chars, max } => {
            format!("{column} compte {chars} caractères ; {max} au plus.")
        }
        Problem::RecipientZone(e) => format!("time_zone : {}", send_time(e)),
        Problem::NoPhoneValue => "la colonne du numéro est vide.".into(),
        Problem::SeveralValuesInPhoneCell(cell) => format!(
            "la colonne du numéro contient « {cell} », plus d'une valeur : une ligne est un \
             destinataire, donnez à chaque numéro sa propre ligne."
        ),
        Problem::Sender(e) => sender(e),
        Problem::SendTime(e) => send_time(e),
        Problem::TooFarAhead { provider, days } => format!(
            "{provider} planifie au plus {days} jours à l'avance ; choisissez une date plus proche."
        ),
        Problem::MoveTooFarAhead(days) => {
            format!("Le fournisseur accepte une heure d'envoi au plus {days} jours à l'avance.")
        }
        Problem::TimeBreaksRules { count, named } => format!(
            "Les règles d'envoi n'autorisent pas cette heure pour {count} destinataire{} : {}. \
             Choisissez une autre heure.",
            if *count > 1 { "s" } else { "" },
            rule_breaks(named, *count)
        ),
        Problem::NameTooLong { length, max } => {
            format!("Le nom d'une campagne a au plus {max} caractères ; celui-ci en a {length}.")
        }
        Problem::OverrideReasonMissing => "Dites pourquoi les règles d'envoi sont outrepassées : \
             la raison est enregistrée avec la campagne."
            .into(),
        Problem::UnknownOptOutSource(source) => {
            format!("« {source} » n'est pas une source (operator ou import attendu).")
        }
        Problem::NoNumber => "Saisissez au moins un numéro.".into(),
        Problem::ValidityNotMinutes(typed) => {
            format!("« {typed} » n'est pas un nombre entier de minutes.")
        }
        Problem::ValidityOutOfRange { minutes, max } => format!(
            "{minutes} minutes : Infobip essaie de remettre le message pendant 1 à {max} minutes \
             (48 heures) ; laissez vide pour sa durée par défaut."
        ),
        Problem::OptionNotOffered { provider, option } => {
            format!("{provider} ne propose pas {}.", provider_option(*option))
        }
        Problem::OverBalance {
            provider,
            estimate,
            balance,
            currency,
        } => format!(
            "Le coût estimé, {} {currency}, dépasse le solde {provider}, {} {currency} : \
             {provider} enverrait une partie de la campagne et refuserait le reste. Ajoutez du \
             crédit, ou envoyez à moins de destinataires.",
            french_amount(*estimate),
            french_amount(*balance)
        ),
        Problem::ProviderSaid {
            provider,
            code,
            words,
        } => provider_said(*provider, code.as_deref(), words),
    }
}

/// A provider's refusal: a code it documents in French, with the code; else its own words.
fn provider_option(option: ProviderOption) -> &'static str {
    match option {
        ProviderOption::Simulation => "de simulation",
        ProviderOption::WithReplies => "de réponses",
        ProviderOption::RemoveBlacklisted => "d'écarter les numéros de la liste noire",
        ProviderOption::Flash => "le SMS flash",
        ProviderOption::Validity => "de durée de validité",
    }
}

fn provider_said(provider: ProviderId, code: Option<&str>, words: &str) -> String {
    match code.and_then(|code| Some((RefusalCode::read(provider, code)?, code))) {
        Some((known, code)) => format!("{} (code {code})", refusal_code(known)),
        None => words.to_owned(),
    }
}

fn refusal_code(code: RefusalCode) -> &'static str {
    use RefusalCode::*;
    match code {
        WrongLoginOrKey => "l'identifiant ou la clé d'API est faux",
        NoRecipients => "la campagne n'a pas de destinataire",
        NotEnoughCredit => "le compte n'a pas assez de crédit",
        BadSender => "l'expéditeur doit compter de 3 à 11 lettres ou chiffres",
        NoText => "le texte du message manque",
        AccountNotValidated => "le compte Octopush n'est pas encore validé",
        NoValidNumber => "aucun numéro valide dans la liste",
        AlreadySubmitted => "cette requête a déjà été soumise dans les dernières 24 heures",
        StopMentionPremium => "un SMS marketing premium doit contenir la mention « STOP au XXXXX »",
        StopMentionLowCost => {
            "un SMS marketing low cost doit contenir la mention « STOP au XXXXX »"
        }
        NoCountryForPrefix => "aucun pays ne correspond à l'indicatif d'un numéro",
        CountryNotServed => "le pays d'un numéro n'est pas desservi",
        NoLowCostRoute => "aucune route low cost ne dessert le pays d'un numéro",
        RouteCongested => "la route est encombrée ; réessayez plus tard",
        OctopushFailed => "Octopush n'a pas pu traiter la requête",
        OctopushConnection => "Octopush a eu une erreur de connexion",
        WrongApiKey => "la clé d'API Infobip est fausse",
        KeyNotAllowed => "la clé d'API Infobip ne peut pas utiliser ce point d'accès",
        UnknownBulk => "Infobip ne connaît pas ce lot",
        LimitingRequests => "Infobip limite les requêtes ; réessayez plus tard",
    }
}

pub(super) fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NoSuchCampaign(id) => format!("Aucune campagne {id} n'est enregistrée."),
        Refusal::NoSuchRecipient(id) => format!("Aucun destinataire {id} n'est enregistré."),
        Refusal::NotOptedOut(number) => {
            format!("{number} n'est pas dans la liste des désinscriptions.")
        }
        Refusal::NotAUuid(id) => {
            format!("L'identifiant de campagne {id:?} n'est pas un UUID : rien n'a été planifié.")
        }
        Refusal::AlreadyScheduled(id) => format!(
            "Cette campagne était déjà planifiée (campagne {id}) : elle n'a pas été planifiée \
             une seconde fois."
        ),
        Refusal::CancelTooLate(minutes) => {
            format!("Le fournisseur n'annule qu'à plus de {minutes} minutes de l'heure d'envoi.")
        }
        Refusal::CancelTooManyRecipients(max) => {
            format!("Le fournisseur n'annule que les campagnes d'au plus {max} destinataires.")
        }
        Refusal::Simulation => {
            "Une simulation n'a jamais été remise au fournisseur : il n'y a rien à changer.".into()
        }
        Refusal::ProviderGone => {
            "Le fournisseur de la campagne n'est pas configuré sur ce serveur.".into()
        }
        Refusal::AlreadyPaused => "La campagne est déjà en pause.".into(),
        Refusal::NotPaused => "La campagne n'est pas en pause.".into(),
        Refusal::SentAtLocalTimes => "La campagne part à l'heure de chaque destinataire, donc à \
             plusieurs heures : annulez-la et planifiez-la de nouveau."
            .into(),
        Refusal::NothingWaiting => "Aucun destinataire n'attend chez le fournisseur : la \
             campagne a été envoyée, annulée ou jamais acceptée."
            .into(),
        Refusal::NothingRefused => "Le fournisseur n'a refusé aucun destinataire de cette \
             campagne : personne n'est à planifier de nouveau."
            .into(),
        Refusal::SendTimePassed(at) => {
            format!("L'heure d'envoi ({at}) est passée : le fournisseur l'envoie.")
        }
        Refusal::OctopushCancelLimits => "Octopush n'annule que plus de 10 minutes avant \
             l'heure d'envoi, des campagnes de moins de 3 destinataires, au plus 1000 fois par \
             mois."
            .into(),
        Refusal::OctopushCannotMove => {
            "Octopush ne peut pas déplacer une campagne : annulez-la et planifiez-la de nouveau."
                .into()
        }
        Refusal::OctopushCannotPause => "Octopush ne peut pas mettre une campagne en pause.".into(),
        Refusal::InfobipMoveHorizon(days) => {
            format!("Infobip déplace un envoi groupé au plus {days} jours à l'avance.")
        }
        Refusal::NoSandbox => {
            "Aucun bac à sable ne tourne sur ce serveur : chaque fournisseur est le vrai.".into()
        }
        Refusal::ClockStepOutOfRange { max } => format!(
            "L'horloge du bac à sable n'a pas avancé : le nombre de secondes doit être entre 1 et \
             {max} (un an)."
        ),
        Refusal::ClockTooFarAhead { max_days } => format!(
            "L'horloge du bac à sable n'a pas avancé : elle a au plus {max_days} jours d'avance \
             sur l'heure réelle."
        ),
    }
}

fn text(error: &MessageTextError) -> String {
    match error {
        MessageTextError::Empty => "Le message est vide.".into(),
        MessageTextError::TooLong(n) => format!(
            "Le message compte {n} caractères ; une campagne en accepte au plus {MAX_TEXT_CHARS}."
        ),
    }
}

fn placeholder(error: &PlaceholderError) -> String {
    match error {
        PlaceholderError::Unknown(name) => format!(
            "{{{name}}} n'est pas un champ à insérer ; utilisez {{first_name}}, {{last_name}}, \
             {{param1}}…{{param5}}."
        ),
        PlaceholderError::Unfilled(name) => {
            format!("{{{name}}} n'a pas de valeur pour ce destinataire.")
        }
    }
}

fn sender(error: &SenderIdError) -> String {
    match error {
        SenderIdError::TooShort(n) => {
            format!("L'expéditeur doit compter au moins 3 caractères (il en a {n}).")
        }
        SenderIdError::TooLong(n) => {
            format!("L'expéditeur compte au plus 11 caractères (il en a {n}).")
        }
        SenderIdError::InvalidCharacter(c) => format!(
            "L'expéditeur ne peut employer que les lettres A–Z, a–z et les chiffres 0–9 ; « {c} » \
             n'est pas permis."
        ),
    }
}

fn phone(error: &PhoneNumberError) -> String {
    match error {
        PhoneNumberError::Unparsable(input) => {
            format!("« {input} » n'est pas un numéro de téléphone.")
        }
        PhoneNumberError::Invalid(input) => {
            format!("« {input} » n'est pas un numéro valide pour son pays.")
        }
        PhoneNumberError::StrayCharacter { input, character } => format!(
            "« {input} » n'est pas un numéro de téléphone : « {character} » n'y a pas sa place \
             (seuls les chiffres, les espaces et + - . ( ) l'ont)."
        ),
        PhoneNumberError::UnknownRegion(input) => format!(
            "« {input} » n'est pas un code de pays (deux lettres attendues, comme FR ou US)."
        ),
    }
}

fn send_time(error: &SendTimeError) -> String {
    match error {
        SendTimeError::UnknownZone(input) => format!(
            "« {input} » n'est pas un nom de fuseau horaire (un nom comme Europe/Paris est attendu)."
        ),
        SendTimeError::Unparsable(input) => format!(
            "« {input} » n'est pas une date et une heure (AAAA-MM-JJTHH:MM attendu)."
        ),
        SendTimeError::Skipped { local, zone } => format!(
            "{local} n'existe pas en {zone} : on avance alors les horloges. Choisissez une heure \
             hors du changement."
        ),
        SendTimeError::InPast { local, zone, now } => {
            format!("{local} en {zone} est passé (il est {now} là-bas).")
        }
        SendTimeError::Missing => "Saisissez la date et l'heure d'envoi, en entier, ou choisissez \
             d'envoyer maintenant."
            .into(),
        SendTimeError::NowAndTime => {
            "Choisissez d'envoyer maintenant ou à une date et une heure, pas les deux.".into()
        }
        SendTimeError::BeyondHorizon { local, days } => {
            format!("{local} est à plus de {days} jours : choisissez une date plus proche.")
        }
    }
}

/// `ligne 3 (+33…) : raison ; … ; et 4 de plus`.
fn rule_breaks(named: &[RuleBreak], count: usize) -> String {
    let mut words = named
        .iter()
        .map(|b| format!("ligne {} ({}) : {}", b.line, b.phone, closed(&b.closed)))
        .collect::<Vec<_>>()
        .join(" ; ");
    if count > named.len() {
        words.push_str(&format!(" ; et {} de plus", count - named.len()));
    }
    words
}

pub(super) fn notice(notice: &Notice) -> String {
    match notice {
        Notice::OptedOut { source, since } => {
            format!("désinscrit ({}, {since})", FR.term_or_itself(source))
        }
        Notice::OverCap { sent, days, at, cap } => format!(
            "plafond de fréquence : déjà {sent} SMS marketing en {} (le {}) ; le \
             plafond est de {cap}",
            (FR.days)(*days),
            at.join(", ")
        ),
        Notice::ZonesChecked { policy, zones } => format!(
            "fuseau horaire non donné : la règle {} est vérifiée dans tous les fuseaux du pays ({})",
            FR.term_or_itself(policy),
            zones.join(", ")
        ),
        Notice::ZoneUnknown {
            policy,
            campaign_zone,
        } => format!(
            "fuseau horaire inconnu : la règle {} est vérifiée dans le fuseau de la campagne, \
             {campaign_zone}",
            FR.term_or_itself(policy)
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
                FR.term_or_itself(policy),
                (FR.window_terms)(window),
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
            let s = if *recipients > 1 { "s" } else { "" };
            format!("{recipients} destinataire{s} de la requête {submission} : {what}")
        }
        Notice::Words(words) => words.clone(),
    }
}

fn closed(closed: &Closed) -> String {
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

/// `110,00`: the French decimal comma.
fn french_amount(amount: Amount) -> String {
    super::fixed_point(amount.units(), 2, ',')
}
