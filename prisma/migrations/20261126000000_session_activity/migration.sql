-- AlterTable: when a session was last used (updated at most once a minute) and the browser or app that opened it,
-- so a user can recognise and end their sessions (me.sessions, revokeSession).
ALTER TABLE "sessions" ADD COLUMN "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "sessions" ADD COLUMN "user_agent" VARCHAR(255);
