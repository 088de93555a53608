#!/usr/bin/env bash
# Exits 0 once Pinecone's Admin API answers 404 for the path in $1 (e.g. api-keys/ID or projects/ID: deletion may
# take a moment to show), 1 after ~25 s. Needs CLIENT_ID and CLIENT_SECRET in the environment.
set -euo pipefail
what=${1:?usage: admin-gone.sh api-keys/ID | projects/ID}
[[ "$what" =~ ^(api-keys|projects)/[A-Za-z0-9-]+$ ]] || { echo "::error::not an Admin API resource: $what"; exit 1; }
token=$(jq -n --arg id "$CLIENT_ID" --arg secret "$CLIENT_SECRET" \
  '{grant_type:"client_credentials",client_id:$id,client_secret:$secret,audience:"https://api.pinecone.io/"}' |
  curl -sS https://login.pinecone.io/oauth/token -H 'Content-Type: application/json' -H 'X-Pinecone-Api-Version: 2026-04' -d @- |
  jq -r .access_token)
echo "::add-mask::$token"
for _ in 1 2 3 4 5; do
  status=$(curl -sS -o /dev/null -w '%{http_code}' "https://api.pinecone.io/admin/$what" \
    -H "Authorization: Bearer $token" -H 'X-Pinecone-Api-Version: 2026-04')
  echo "GET /admin/$what answered HTTP $status"
  [ "$status" = 404 ] && exit 0
  sleep 5
done
echo "::error::$what still exists"
exit 1
