import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './error-types.ts';
import '../modules/users/user.schema.ts';
import '../modules/users/account.schema.ts';
import '../modules/posts/post.schema.ts';
import '../modules/posts/post.mutations.ts';
import '../modules/posts/post.search.schema.ts';
import '../modules/posts/post.subscriptions.ts';
import '../modules/auth/auth.schema.ts';
import '../modules/auth/reset.schema.ts';
import '../modules/auth/sessions.schema.ts';

/** The whole API. Importing this builds it; nothing is written to disk (see scripts/print-schema.ts). */
export const schema = lexicographicSortSchema(builder.toSchema());
