"""Job seekers (pencari kerja): the registration and its profile (`seekers`), the files they give
(`documents`), their certificates, training, licences and languages (`credentials`); Django and
the rest of the code import them from here."""

from jobseekers.models.credentials import (
    CompetencyCertificate,
    DrivingLicence,
    LanguageSkill,
    Training,
)
from jobseekers.models.documents import CVDocument, SeekerDocument, SeekerPhoto
from jobseekers.models.seekers import (
    CardSequence,
    Consent,
    Education,
    Experience,
    JobSeeker,
    JobSeekerQuerySet,
    SeekerSkill,
)

__all__ = [
    "CVDocument",
    "CardSequence",
    "CompetencyCertificate",
    "Consent",
    "DrivingLicence",
    "Education",
    "Experience",
    "JobSeeker",
    "JobSeekerQuerySet",
    "LanguageSkill",
    "SeekerDocument",
    "SeekerPhoto",
    "SeekerSkill",
    "Training",
]
