; StationDesk (文明实践站前台) for Windows: a per-user installer, no administrator rights.
; makensis -DVERSION=x.y.z -DSOURCE=<program folder> -DLICENSE_FILE=<file> -DOUTFILE=<exe>
; (packaging/build-windows.sh passes them). The station's data lives in
; %LOCALAPPDATA%\StationDesk (platformdirs), never here: installing, reinstalling and
; uninstalling touch $INSTDIR and the shortcuts only.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!define APP_NAME "文明实践站前台"
!define APP_ID "StationDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME} StationDesk ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
BrandingText "StationDesk ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "StationDesk"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} StationDesk setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Apache-2.0"

!include "MUI2.nsh"
!define MUI_ICON "${SOURCE}\stationdesk.ico"
!define MUI_UNICON "${SOURCE}\stationdesk.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\station-desk-window.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE_FILE}"
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString UninstallLink ${LANG_SIMPCHINESE} "卸载${APP_NAME}"
LangString UninstallLink ${LANG_ENGLISH} "Uninstall ${APP_NAME}"
LangString StillRunning ${LANG_SIMPCHINESE} "旧版本的程序文件无法删除：请先关闭${APP_NAME}，再重新安装。$\r$\nThe old program files could not be removed: close StationDesk, then install again."
LangString StillRunning ${LANG_ENGLISH} "The old program files could not be removed: close StationDesk, then install again.$\r$\n旧版本的程序文件无法删除：请先关闭${APP_NAME}，再重新安装。"

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "StationDesk" SecMain
  SetShellVarContext current
  ; An older version's files go first, so no module it had and this one dropped
  ; lingers on sys.path. $INSTDIR is fixed (no directory page) and holds no data.
  IfFileExists "$INSTDIR\*.*" 0 fresh
    RMDir /r "$INSTDIR"
    IfFileExists "$INSTDIR\python*.dll" 0 fresh
      MessageBox MB_OK|MB_ICONSTOP "$(StillRunning)" /SD IDOK
      SetErrorLevel 2
      Quit
  fresh:
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\station-desk-window.exe" "" "$INSTDIR\stationdesk.ico" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(UninstallLink).lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\station-desk-window.exe" "" "$INSTDIR\stationdesk.ico" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME} StationDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "StationDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\stationdesk.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  ; The program folder and the shortcuts only: %LOCALAPPDATA%\StationDesk (the
  ; station's database, keys, backups and logs) stays for the next installation.
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  SetOutPath "$TEMP"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
