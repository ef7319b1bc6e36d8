#!/usr/bin/env bash
# Prints the receiver URL to paste into 1stream: https://<host>/api/onestream/webhook?code=<function key>.
# azd runs it after `azd deploy` with the Bicep outputs in the environment. Without azd:
#   AZURE_RESOURCE_GROUP=<group> AZURE_FUNCTION_APP_NAME=<app> bash infra/hooks/postdeploy.sh
# Needs the Azure CLI, signed in (`az login`) to the same subscription. The key is printed, never stored.
set -euo pipefail

resource_group="${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (azd env get-values shows it)}"
app_name="${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (azd env get-values shows it)}"
function_name="${ONESTREAM_WEBHOOK_FUNCTION:-OneStreamWebhook}"
route="${ONESTREAM_WEBHOOK_ROUTE:-onestream/webhook}"
# Which of the function's keys goes into the URL; a new name is how a key is rotated (README.md, "Rotating the key").
key_name="${ONESTREAM_WEBHOOK_KEY_NAME:-default}"
if ! [[ "$key_name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "ONESTREAM_WEBHOOK_KEY_NAME must be letters, digits and underscores, starting with a letter." >&2
  exit 1
fi

if ! command -v az >/dev/null 2>&1; then
  echo "The Azure CLI (az) is not installed, so the receiver URL cannot be read here." >&2
  echo "Install it, run 'az login', then: AZURE_RESOURCE_GROUP=$resource_group AZURE_FUNCTION_APP_NAME=$app_name bash infra/hooks/postdeploy.sh" >&2
  exit 0
fi

host="$(az functionapp show --resource-group "$resource_group" --name "$app_name" --query defaultHostName --output tsv)"

# The host creates the function's default key when it first indexes the function, shortly after a deployment.
key=""
for attempt in $(seq 1 24); do
  key="$(az functionapp function keys list --resource-group "$resource_group" --name "$app_name" \
    --function-name "$function_name" --query "$key_name" --output tsv 2>/dev/null || true)"
  if [ -n "$key" ]; then
    break
  fi
  echo "Waiting for $function_name to appear on $app_name (attempt $attempt of 24)..." >&2
  sleep 5
done

if [ -z "$key" ]; then
  echo "No key '$key_name' for $function_name yet. Once the app has started, run this script again:" >&2
  echo "  AZURE_RESOURCE_GROUP=$resource_group AZURE_FUNCTION_APP_NAME=$app_name bash infra/hooks/postdeploy.sh" >&2
  exit 0
fi

echo
echo "1stream receiver URL (Admin Portal > Administration > Manage Organization > WebHook Registrations):"
echo
echo "  https://$host/api/$route?code=$key"
echo
echo "It holds a secret: paste it into 1stream, do not commit or share it. To rotate it, see "Rotating the key" in README.md."
