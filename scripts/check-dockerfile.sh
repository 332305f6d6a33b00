#!/usr/bin/env bash
# Replays the Dockerfile's own steps without a container runtime (none runs on our CI machines): a clean clone,
# the build stage's RUN commands in order, the runtime stage's COPY --from=build into an empty folder, then its
# ENV and CMD; checks that the server answers /health, /ready and a query, and stops on SIGTERM. Prints the
# production install size. What it cannot check: the base image, USER/permissions, HEALTHCHECK timing, VOLUME.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
git clone -q "$repo" "$work/app"
cd "$work/app"

stage() { awk -v stage="$1" 'toupper($0) ~ "^FROM .* AS " toupper(stage) "$" {s=1; next} /^FROM /{s=0} s' "$work/app/Dockerfile"; }

echo "--- build stage: RUN steps"
while IFS= read -r step; do
  echo "+ $step"
  bash -c "$step"
done < <(stage build | sed -n 's/^RUN //p')
echo "production node_modules: $(du -sh node_modules | cut -f1); the largest:"
# awk reads to the end: with head, sort could be killed by SIGPIPE and pipefail would fail the check.
du -s node_modules/* node_modules/@*/* 2>/dev/null | sort -rn | awk 'NR <= 8 {printf "  %6.1f MB  %s\n", $1/1024, $2}'

echo "--- runtime stage: COPY --from=build, ENV, CMD"
mkdir "$work/runtime"
while read -r from to; do
  cp -a "$work/app/${from#/app/}" "$work/runtime/${to#./}"
done < <(stage runtime | awk '/^COPY --from=build /{print $(NF-1), $NF}')
cd "$work/runtime"
for pair in $(stage runtime | sed -n 's/^ENV //p'); do export "${pair?}"; done
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export HOST=127.0.0.1 PORT=$port DATA_DIR="$work/data" JWT_SECRET=dockerfile-check-secret-0123456789abcdef MAIL_TRANSPORT=outbox
mapfile -t cmd < <(node -e 'for (const part of JSON.parse(process.argv[1])) console.log(part)' "$(stage runtime | sed -n 's/^CMD //p')")
echo "+ ${cmd[*]}"
"${cmd[@]}" > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null
curl -sf "http://127.0.0.1:$port/ready" >/dev/null || { cat "$work/server.log"; exit 1; }
answer=$(curl -sf -H 'content-type: application/json' -d '{"query":"{ posts(first: 1) { totalCount } }"}' "http://127.0.0.1:$port/graphql")
echo "query: $answer"
# Production loads no demo blog (and so no account with a known password) unless SEED_ON_START=true.
echo "$answer" | grep -q '"totalCount":0' || { cat "$work/server.log"; exit 1; }
demo=$(curl -sf -H 'content-type: application/json' -d '{"query":"mutation { login(input: { email: \"coreyms@demo.com\", password: \"password\" }) { __typename } }"}' "http://127.0.0.1:$port/graphql")
echo "demo login: $demo"
echo "$demo" | grep -q 'LoginSuccess' && { echo "a demo account logs in with a known password"; exit 1; }
cat > "$work/register.json" <<'JSON'
{"query":"mutation ($input: RegisterInput!) { register(input: $input) { __typename } }","variables":{"input":{"username":"Docker","email":"docker@example.com","password":"correct horse battery","confirmPassword":"correct horse battery"}}}
JSON
register=$(curl -sf -H 'content-type: application/json' --data @"$work/register.json" "http://127.0.0.1:$port/graphql")
echo "register: $register"
echo "$register" | grep -q 'RegisterSuccess' || { cat "$work/server.log"; exit 1; }
login=$(curl -sf -H 'content-type: application/json' -d '{"query":"mutation { login(input: { email: \"docker@example.com\", password: \"correct horse battery\" }) { __typename } }"}' "http://127.0.0.1:$port/graphql")
echo "login: $login"
echo "$login" | grep -q 'LoginSuccess' || { cat "$work/server.log"; exit 1; }
kill -TERM "$pid"
wait "$pid" && echo "stopped cleanly on SIGTERM"
pid=
echo "The Dockerfile's steps build and serve."
