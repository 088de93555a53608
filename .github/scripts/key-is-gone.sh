#!/usr/bin/env bash
# Exits 0 once Pinecone answers 404 for API key $KEY_ID (deletion may take a moment to show), 1 after ~25 s.
# Needs CLIENT_ID, CLIENT_SECRET and KEY_ID in the environment.
set -euo pipefail
test -n "$KEY_ID"
token=$(jq -n --arg id "$CLIENT_ID" --arg secret "$CLIENT_SECRET" \
  '{grant_type:"client_credentials",client_id:$id,client_secret:$secret,audience:"https://api.pinecone.io/"}' |
  curl -sS https://login.pinecone.io/oauth/token -H 'Content-Type: application/json' -H 'X-Pinecone-Api-Version: 2025-10' -d @- |
  jq -r .access_token)
echo "::add-mask::$token"
for _ in 1 2 3 4 5; do
  status=$(curl -sS -o /dev/null -w '%{http_code}' "https://api.pinecone.io/admin/api-keys/$KEY_ID" \
    -H "Authorization: Bearer $token" -H 'X-Pinecone-Api-Version: 2025-10')
  echo "GET /admin/api-keys/$KEY_ID answered HTTP $status"
  [ "$status" = 404 ] && exit 0
  sleep 5
done
echo "::error::key $KEY_ID still exists"
exit 1
