-- Post counts kept by PostgreSQL, so the feed's totalCount, a user's postCount and a user page's totalCount read
-- one row instead of counting every post. Triggers keep them in the writing transaction: every write path (the
-- API, raw SQL, account deletion's cascade, seeds, tests' fixtures) leaves them exact, and a rollback undoes them.

-- AlterTable: each user's count, read with the user.
ALTER TABLE "users" ADD COLUMN "post_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable: the number of posts, in a table of exactly one row. Every write of a post updates that row, so
-- concurrent writers queue on it until each commits: fine at a blog's write rate (see docs/performance.md).
CREATE TABLE "post_totals" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "posts" INTEGER NOT NULL,

    CONSTRAINT "post_totals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "post_totals_one_row" CHECK ("id")
);

-- Backfill, under a lock that keeps writers out until the triggers exist.
LOCK TABLE "posts" IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO "post_totals" ("id", "posts") SELECT true, count(*) FROM "posts";
UPDATE "users" u SET "post_count" = c.n FROM (SELECT "author_id", count(*)::int AS n FROM "posts" GROUP BY "author_id") c
 WHERE u."id" = c."author_id";

-- CreateFunction: statement-level, with the statement's rows as a transition table, so a bulk insert of a
-- million posts updates each author and the total once, not once per post. Authors are updated in id order, so
-- two statements touching the same authors lock them in the same order. A post deleted by its author's deletion
-- (the cascade) updates no user: that row is already gone.
CREATE FUNCTION "post_counts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users u SET post_count = u.post_count + c.n
    FROM (SELECT author_id, count(*)::int AS n FROM new_posts GROUP BY author_id ORDER BY author_id) c
   WHERE u.id = c.author_id;
  UPDATE post_totals SET posts = posts + (SELECT count(*) FROM new_posts) WHERE id;
  RETURN NULL;
END $$;

CREATE FUNCTION "post_counts_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users u SET post_count = u.post_count - c.n
    FROM (SELECT author_id, count(*)::int AS n FROM old_posts GROUP BY author_id ORDER BY author_id) c
   WHERE u.id = c.author_id;
  UPDATE post_totals SET posts = posts - (SELECT count(*) FROM old_posts) WHERE id;
  RETURN NULL;
END $$;

-- The API never moves a post to another author; raw SQL might, and the counts follow it.
CREATE FUNCTION "post_counts_after_author_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET post_count = post_count - 1 WHERE id = OLD.author_id;
  UPDATE users SET post_count = post_count + 1 WHERE id = NEW.author_id;
  RETURN NULL;
END $$;

-- TRUNCATE fires no row triggers: it leaves no posts, so every count is zero.
CREATE FUNCTION "post_counts_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET post_count = 0 WHERE post_count <> 0;
  UPDATE post_totals SET posts = 0 WHERE id;
  RETURN NULL;
END $$;

-- CreateTrigger
CREATE TRIGGER "post_counts_insert" AFTER INSERT ON "posts"
  REFERENCING NEW TABLE AS new_posts FOR EACH STATEMENT EXECUTE FUNCTION "post_counts_after_insert"();
CREATE TRIGGER "post_counts_delete" AFTER DELETE ON "posts"
  REFERENCING OLD TABLE AS old_posts FOR EACH STATEMENT EXECUTE FUNCTION "post_counts_after_delete"();
CREATE TRIGGER "post_counts_author_change" AFTER UPDATE OF "author_id" ON "posts"
  FOR EACH ROW WHEN (OLD."author_id" IS DISTINCT FROM NEW."author_id") EXECUTE FUNCTION "post_counts_after_author_change"();
CREATE TRIGGER "post_counts_truncate" AFTER TRUNCATE ON "posts"
  FOR EACH STATEMENT EXECUTE FUNCTION "post_counts_after_truncate"();
