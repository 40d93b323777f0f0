; CTI Desk installer for Windows 10/11 (64-bit), NSIS 3.
;
; Built by packaging/windows/build.ps1, which passes the version from pyproject.toml:
;   makensis /DVERSION=<x.y.z> /DVERSION4=<x.y.z.0> /DSOURCE_DIR=dist\ctidesk ^
;            /DICON=build\pyinstaller\ctidesk\icons\ctidesk.ico /DOUT_FILE=dist\ctidesk-<x.y.z>-setup.exe ^
;            packaging\windows\ctidesk.nsi
;
; Install for IT (silent; exit code 0 = installed):
;   ctidesk-<version>-setup.exe /S /AllUsers      per machine: Program Files, HKLM (run elevated)
;   ctidesk-<version>-setup.exe /S /CurrentUser   per user: %LOCALAPPDATA%\Programs, HKCU, no admin
;   ... /D=C:\Apps\CTI Desk                        another folder (must be last, no quotes)
; Without /AllUsers or /CurrentUser: per machine when run elevated, else per user; an existing
; installation is upgraded in its own mode and folder.
; Uninstall: "<folder>\uninstall.exe" /S (the mode is remembered), or Apps & features.
;
; tel: and callto: links: the installer registers the CTIDesk.Dial ProgID, lists CTI Desk under
; Default apps (Capabilities\URLAssociations + RegisteredApplications) and claims the two schemes.
; Windows lets the user's own choice in Default apps win over any installer; IT sets the default
; for everyone with packaging/windows/default-associations.xml (see packaging/README.md).

Unicode true
SetCompressor /SOLID lzma
ManifestDPIAware true

!define APP_NAME "CTI Desk"
!define APP_EXE "ctidesk.exe"
!define CLI_EXE "ctidesk-cli.exe"
!define PUBLISHER "CTI Desk"
!define PROGID "CTIDesk.Dial"
!define REG_APP "Software\CTI Desk"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\CTI Desk"

!ifndef VERSION
  !error "pass /DVERSION=x.y.z: packaging/windows/build.ps1 reads it from pyproject.toml"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!define /ifndef SOURCE_DIR "..\..\dist\ctidesk"
!define /ifndef ICON "..\..\build\pyinstaller\ctidesk\icons\ctidesk.ico"
!define /ifndef OUT_FILE "..\..\dist\ctidesk-${VERSION}-setup.exe"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "(c) ${PUBLISHER}"

; per-user or per-machine (MultiUser.nsh): /AllUsers and /CurrentUser on the command line
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${REG_APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${REG_APP}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; the languages the app itself speaks (i18n/)
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"

; a URL scheme handled by CTI Desk: "ctidesk.exe tel:+15551234567" dials in the running window
!macro RegisterScheme SCHEME DESCRIPTION
  WriteRegStr SHCTX "Software\Classes\${SCHEME}" "" "${DESCRIPTION}"
  WriteRegStr SHCTX "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\${SCHEME}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\${SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
!macroend

; removed only while it still points at this installation (another dialer may have taken it)
!macro UnregisterScheme SCHEME
  ReadRegStr $0 SHCTX "Software\Classes\${SCHEME}\shell\open\command" ""
  ${If} $0 == '"$INSTDIR\${APP_EXE}" "%1"'
    DeleteRegKey SHCTX "Software\Classes\${SCHEME}"
  ${EndIf}
!macroend

Section "${APP_NAME}" SecMain
  SectionIn RO
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows 10 or newer." /SD IDOK
    Abort
  ${EndIf}
  SetOutPath "$INSTDIR"
  ; an upgrade replaces the whole runtime: no file of an older Python or Qt may linger
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr SHCTX "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${REG_APP}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${REG_APP}" "Version" "${VERSION}"

  ; tel: / callto: (ProgID, Default apps capabilities, the schemes)
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "${APP_NAME} dial link"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr SHCTX "${REG_APP}\Capabilities" "ApplicationName" "${APP_NAME}"
  WriteRegStr SHCTX "${REG_APP}\Capabilities" "ApplicationDescription" "Contact-center agent desktop"
  WriteRegStr SHCTX "${REG_APP}\Capabilities\URLAssociations" "tel" "${PROGID}"
  WriteRegStr SHCTX "${REG_APP}\Capabilities\URLAssociations" "callto" "${PROGID}"
  WriteRegStr SHCTX "Software\RegisteredApplications" "${APP_NAME}" "${REG_APP}\Capabilities"
  !insertmacro RegisterScheme "tel" "URL:Telephone"
  !insertmacro RegisterScheme "callto" "URL:Callto"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  ; Apps & features
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  !insertmacro UnregisterScheme "tel"
  !insertmacro UnregisterScheme "callto"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegValue SHCTX "Software\RegisteredApplications" "${APP_NAME}"
  DeleteRegKey SHCTX "${REG_APP}"
  DeleteRegKey SHCTX "${REG_UNINSTALL}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; only what the installer put there: the folder may have been chosen by hand
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd
