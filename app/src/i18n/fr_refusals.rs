//! Français : why something asked cannot be done, or only under conditions. The English sentences
//! are in `en_refusals.rs`.

use super::fr_names;
use crate::models::Refusal;

pub(super) fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NoRight { role, right } => format!(
            "Votre rôle ({}) ne permet pas de {}.",
            fr_names::role(*role),
            fr_names::right(*right)
        ),
        Refusal::NotYourCampaign { sender } => format!(
            "Seuls {sender}, qui a planifié cette campagne, un approbateur ou un administrateur \
             peuvent la modifier."
        ),
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
        Refusal::UploadsUnderWay { at_once } => format!(
            "Vous envoyez déjà {at_once} fichiers de destinataires : envoyez celui-ci une fois \
             l'un d'eux lu. Rien n'en a été gardé."
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
        Refusal::OwnCampaign => "Vous avez planifié cette campagne : un autre approbateur ou \
             administrateur doit l'approuver ou la rejeter."
            .into(),
        Refusal::NotAwaitingApproval(approval) => format!(
            "Cette campagne n'attend pas d'approbation ({}).",
            super::fr_approval::approval(*approval)
        ),
        Refusal::AwaitingApproval => "Cette campagne attend une approbation : rien n'est encore \
             chez le fournisseur. Approuvez-la, rejetez-la ou retirez-la."
            .into(),
        Refusal::TooLateToApprove {
            due,
            minutes_needed,
        } => format!(
            "Trop tard pour approuver : son premier message part à {due}, et sa remise demande \
             {minutes_needed} minutes avant. Retirez-la ; elle peut être planifiée de nouveau \
             pour plus tard."
        ),
        Refusal::RejectionReasonNeeded { max } => format!(
            "Dites pourquoi elle est rejetée (au plus {max} caractères) : l'expéditeur le lira."
        ),
        Refusal::OctopushCancelLimits(limits) => format!(
            "Octopush n'annule que plus de {} minutes avant l'heure d'envoi, des campagnes de \
             moins de {} destinataires, au plus {} fois par mois.",
            limits.notice_minutes,
            limits.max_recipients + 1,
            limits.per_month
        ),
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
