-- AlterTable: full-text search over posts, the title weighted above the content. PostgreSQL keeps the column in
-- step with every write (a stored generated column), so no application code ever writes it.
ALTER TABLE "posts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::character varying)::text), 'A'::"char") ||
  setweight(to_tsvector('english'::regconfig, COALESCE(content, ''::text)), 'B'::"char")
) STORED;

-- CreateIndex
CREATE INDEX "posts_search_idx" ON "posts" USING GIN ("search");
