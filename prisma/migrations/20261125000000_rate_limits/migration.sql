-- CreateTable: rate-limit counters shared by every instance when RATE_LIMIT_STORE=postgres
-- (the layout rate-limiter-flexible's PostgreSQL store expects).
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
