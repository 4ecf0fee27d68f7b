; Inno Setup 6 script of 智能工厂自诊断: a per-user install, no administrator rights needed.
;
;   uv run --group packaging python packaging\build.py
;   iscc /DAppVersion=0.2.0 packaging\windows\diag-app.iss
;
; BundleDir (default ..\..\dist\diag-app-<version>-windows-x86_64, relative to this file) may be
; given as an absolute path: /DBundleDir=C:\path\to\diag-app-0.2.0-windows-x86_64.
; Output: dist\diag-app-<version>-windows-x86_64-setup.exe. Installs into
; %LOCALAPPDATA%\Programs\diag-app, adds a Start-menu entry (and optionally a desktop icon) and an
; uninstaller under "Apps". The user's workspace (%LOCALAPPDATA%\diag-app) is never touched by
; install, update or uninstall.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\diag-app.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\diag-app-" + AppVersion + "-windows-x86_64"
#endif

#define AppName "智能工厂自诊断"
#define AppNameEn "Smart Factory Self-Diagnosis"
#define AppExe "diag-app.exe"

[Setup]
; A fixed AppId: updates replace the earlier install instead of adding a second one.
AppId={{6F3C2A9E-5B1D-4E7A-9C3F-2D8B1A6E4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=diag-app
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs under "lowest".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\diag-app
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=diag-app-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\icons\diag-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Simplified Chinese ships with recent Inno Setup 6 releases; with an older one, put
; ChineseSimplified.isl (Inno Setup's translations page) into its Languages folder, or the setup
; is English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle, exactly as PyInstaller made it.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update must not keep libraries of the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
