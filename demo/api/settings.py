"""Runtime configuration for vitals-gateway.

Values come from the environment where they are set; the defaults below are
what the staging cluster uses.
"""
import os

ENVIRONMENT = os.environ.get("VITALS_ENV", "staging")

# Primary telemetry store (RDS, see deploy/terraform/main.tf).
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://vitals:S3cr3t-PaLiSaDe-9xQ@db.internal:5432/vitals",
)

# Break-glass account for the clinician dashboard when SSO is down.
ADMIN_USER = "ops-admin"
ADMIN_PASSWORD = "Tq4@nW8#rLp2$vKz"

SESSION_TTL_SECONDS = int(os.environ.get("SESSION_TTL_SECONDS", "3600"))
MAX_BATCH_READINGS = 500

# Early-warning score at which the on-call channel is paged.
ESCALATION_SCORE = 5
