# Build the CTI Desk installer on a Windows 10/11 x64 machine:
#
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python py] [-Clean] [-Sign]
#
# Needs: Python 3.11+ (x64, python.org or the py launcher), NSIS 3.08+ (makensis on PATH or in
# "Program Files (x86)\NSIS"), and for -Sign the Windows SDK's signtool with the code-signing
# certificate in the certificate store. Writes dist\ctidesk\ (the onedir bundle: ctidesk.exe for
# the window, ctidesk-cli.exe for the command line) and dist\ctidesk-<version>-setup.exe.
param(
    [string]$Python = "py",
    [switch]$Clean,
    [switch]$Sign,
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# 1. a build venv with the app and PyInstaller (pyproject's "packaging" extra)
$Venv = Join-Path $Root ".venv-win"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    Invoke-Checked "creating the venv" { & $Python -m venv $Venv }
}
Invoke-Checked "pip install" { & $VenvPython -m pip install --quiet --upgrade pip }
Invoke-Checked "pip install" { & $VenvPython -m pip install --quiet -e ".[packaging]" }

# 2. the version, from pyproject.toml (packaging/buildinfo.py is the one reader)
$Version = (& $VenvPython -c "import sys; sys.path.insert(0, 'packaging'); import buildinfo; print(buildinfo.version())").Trim()
$Version4 = (& $VenvPython -c "import sys; sys.path.insert(0, 'packaging'); import buildinfo; print('.'.join(map(str, buildinfo.version_tuple())))").Trim()
Write-Host "CTI Desk $Version"

# 3. the onedir bundle (packaging/ctidesk.spec renders the .ico and compiles the translations)
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build\pyinstaller"
$PyInstallerArgs = @("-m", "PyInstaller", "--noconfirm", "--distpath", $Dist, "--workpath", $Work, "packaging\ctidesk.spec")
if ($Clean) { $PyInstallerArgs += "--clean" }
Invoke-Checked "PyInstaller" { & $VenvPython @PyInstallerArgs }
$Bundle = Join-Path $Dist "ctidesk"

# 4. smoke test of the bundle: the version, then the self-test offscreen (no window appears)
$Answer = (& (Join-Path $Bundle "ctidesk-cli.exe") --version).Trim()
if ($Answer -ne "ctidesk $Version") { throw "the bundle answers '$Answer' to --version, expected 'ctidesk $Version'" }
Invoke-Checked "the bundle's self-test" { & (Join-Path $Bundle "ctidesk-cli.exe") --self-test }

# 5. sign the programs before they go into the installer
function Sign-File([string]$Path) {
    Invoke-Checked "signtool on $Path" { signtool sign /fd SHA256 /tr $TimestampUrl /td SHA256 /a $Path }
}
if ($Sign) {
    Sign-File (Join-Path $Bundle "ctidesk.exe")
    Sign-File (Join-Path $Bundle "ctidesk-cli.exe")
}

# 6. the installer
$MakeNsis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $MakeNsis) { $MakeNsis = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe" }
if (-not (Test-Path $MakeNsis)) { throw "makensis not found: install NSIS 3 (https://nsis.sourceforge.io)" }
$Setup = Join-Path $Dist "ctidesk-$Version-setup.exe"
$Icon = Join-Path $Work "ctidesk\icons\ctidesk.ico"
Invoke-Checked "makensis" {
    & $MakeNsis /V2 /WX "/DVERSION=$Version" "/DVERSION4=$Version4" "/DSOURCE_DIR=$Bundle" "/DICON=$Icon" `
        "/DOUT_FILE=$Setup" (Join-Path $Root "packaging\windows\ctidesk.nsi")
}
if ($Sign) { Sign-File $Setup }

$Size = "{0:N1} MiB" -f ((Get-Item $Setup).Length / 1MB)
Write-Host "installer: $Setup ($Size)"
Write-Host "silent install for IT: `"$Setup`" /S /AllUsers   (or /CurrentUser)"
