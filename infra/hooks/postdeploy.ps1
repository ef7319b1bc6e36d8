# Prints the receiver URL to paste into 1stream: https://<host>/api/onestream/webhook?code=<function key>.
# azd runs it after `azd deploy` with the Bicep outputs in the environment. Without azd:
#   $env:AZURE_RESOURCE_GROUP = '<group>'; $env:AZURE_FUNCTION_APP_NAME = '<app>'; ./infra/hooks/postdeploy.ps1
# Needs the Azure CLI, signed in (`az login`) to the same subscription. The key is printed, never stored.
$ErrorActionPreference = 'Stop'

$resourceGroup = $env:AZURE_RESOURCE_GROUP
$appName = $env:AZURE_FUNCTION_APP_NAME
if (-not $resourceGroup -or -not $appName) {
    throw 'Set AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME (azd env get-values shows them).'
}
$functionName = if ($env:ONESTREAM_WEBHOOK_FUNCTION) { $env:ONESTREAM_WEBHOOK_FUNCTION } else { 'OneStreamWebhook' }
$route = if ($env:ONESTREAM_WEBHOOK_ROUTE) { $env:ONESTREAM_WEBHOOK_ROUTE } else { 'onestream/webhook' }
# Which of the function's keys goes into the URL; a new name is how a key is rotated (README.md, "Rotating the key").
$keyName = if ($env:ONESTREAM_WEBHOOK_KEY_NAME) { $env:ONESTREAM_WEBHOOK_KEY_NAME } else { 'default' }
$rerun = "`$env:AZURE_RESOURCE_GROUP = '$resourceGroup'; `$env:AZURE_FUNCTION_APP_NAME = '$appName'; ./infra/hooks/postdeploy.ps1"

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Write-Warning 'The Azure CLI (az) is not installed, so the receiver URL cannot be read here.'
    Write-Warning "Install it, run 'az login', then: $rerun"
    exit 0
}

$hostName = az functionapp show --resource-group $resourceGroup --name $appName --query defaultHostName --output tsv
if ($LASTEXITCODE -ne 0) {
    throw "Could not read $appName in $resourceGroup."
}

# The host creates the function's default key when it first indexes the function, shortly after a deployment.
$key = ''
foreach ($attempt in 1..24) {
    $keys = az functionapp function keys list --resource-group $resourceGroup --name $appName `
        --function-name $functionName --output json 2>$null
    if ($LASTEXITCODE -eq 0 -and $keys) {
        $key = ($keys | Out-String | ConvertFrom-Json).$keyName
        if ($key) {
            break
        }
    }
    $key = ''
    Write-Host "Waiting for $functionName to appear on $appName (attempt $attempt of 24)..."
    Start-Sleep -Seconds 5
}

if (-not $key) {
    Write-Warning "No key '$keyName' for $functionName yet. Once the app has started, run this script again: $rerun"
    exit 0
}

Write-Host ''
Write-Host '1stream receiver URL (Admin Portal > Administration > Manage Organization > WebHook Registrations):'
Write-Host ''
Write-Host "  https://$hostName/api/${route}?code=$key"
Write-Host ''
Write-Host 'It holds a secret: paste it into 1stream, do not commit or share it. To rotate it, see "Rotating the key" in README.md.'
