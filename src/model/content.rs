//! Practice examples and recommendations: their release and adoption states.

use super::stored::stored_enum;

stored_enum! {
    /// How far a practice example is released; only released ones go into the brochure.
    ReleaseStatus ("Freigabestatus") {
        /// Being written.
        Draft = "draft" => "Entwurf",
        /// Agreed with the municipality it describes.
        Agreed = "agreed" => "mit Kommune abgestimmt",
        /// Released for publication.
        Released = "released" => "zur Veröffentlichung freigegeben",
    }
}

stored_enum! {
    /// The state of one version of a recommendation's text.
    RecommendationStatus ("Status der Empfehlung") {
        /// A draft under discussion.
        Draft = "draft" => "Entwurf",
        /// Adopted by the group at a session.
        Adopted = "adopted" => "beschlossen",
    }
}
