-- AlterTable: a client's key for a createPost it may retry; unique per author, so a retry finds the first post.
ALTER TABLE "posts" ADD COLUMN "idempotency_key" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "posts_author_idempotency_key" ON "posts"("author_id", "idempotency_key");
