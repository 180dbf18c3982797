//! Sessions and what hangs off them: the agenda, attendance, minutes and action items. The values
//! a session's records can take are enums stored by name; the PDF code matches on them.

use super::stored::stored_enum;

stored_enum! {
    /// Where a session stands.
    SessionStatus ("Status der Sitzung") {
        /// Planned; nobody invited yet.
        Planned = "planned" => "geplant",
        /// Invitations sent.
        Invited = "invited" => "eingeladen",
        /// The meeting took place.
        Held = "held" => "durchgeführt",
        /// Called off.
        Cancelled = "cancelled" => "abgesagt",
    }
}

stored_enum! {
    /// What kind of agenda item (TOP) it is.
    AgendaKind ("Art des Tagesordnungspunkts") {
        /// A talk.
        Talk = "talk" => "Vortrag",
        /// A discussion.
        Discussion = "discussion" => "Diskussion",
        /// A report.
        Report = "report" => "Bericht",
        /// A site visit.
        Visit = "visit" => "Besuch/Exkursion",
        /// A break: no TOP number.
        Break = "break" => "Pause",
    }
}

impl AgendaKind {
    /// A break gets no TOP number and no speakers.
    pub fn is_break(self) -> bool {
        self == AgendaKind::Break
    }
}

stored_enum! {
    /// A person's answer to, and presence at, a session.
    AttendanceStatus ("Teilnahmestatus") {
        /// Invited, no answer yet.
        Invited = "invited" => "eingeladen",
        /// Signed up.
        Registered = "registered" => "angemeldet",
        /// Said no.
        Declined = "declined" => "abgesagt",
        /// Was there (on the days recorded).
        Attended = "attended" => "teilgenommen",
        /// Excused.
        Excused = "excused" => "entschuldigt",
        /// Sent somebody in their place (`represented_by`).
        Represented = "represented" => "vertreten",
    }
}

impl AttendanceStatus {
    /// Expected on the sign-in sheet: invited, registered or present.
    pub fn is_expected(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Invited | AttendanceStatus::Registered | AttendanceStatus::Attended
        )
    }

    /// Coming or came: registered or present (badges, table cards).
    pub fn is_coming(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Registered | AttendanceStatus::Attended
        )
    }

    /// Not there, with notice: excused or declined.
    pub fn is_absent(self) -> bool {
        matches!(self, AttendanceStatus::Excused | AttendanceStatus::Declined)
    }
}

stored_enum! {
    /// The minutes' way from draft to approval.
    MinutesStatus ("Status des Protokolls") {
        /// Being written.
        Draft = "draft" => "Entwurf",
        /// Sent to the members.
        Sent = "sent" => "versandt",
        /// Approved at a later session: locked.
        Approved = "approved" => "genehmigt",
    }
}

impl MinutesStatus {
    /// Approved minutes are never changed in place.
    pub fn is_locked(self) -> bool {
        self == MinutesStatus::Approved
    }
}

stored_enum! {
    /// Where an action item (Aufgabe) stands.
    ActionStatus ("Status der Aufgabe") {
        /// To do.
        Open = "open" => "offen",
        /// Done (on `done_on`).
        Done = "done" => "erledigt",
        /// No longer needed.
        Dropped = "dropped" => "entfallen",
    }
}
