; Inno Setup 6.3+ script for the Windows installer of Krakow Desk.
; Build the bundle first (pyinstaller packaging\krakow-desk.spec), then: iscc packaging\windows\krakow-desk.iss
; Paths below are relative to this file. The installer lands in dist\. See README.md beside it.

#define AppName "Krakow Desk"
#define AppVersion "0.1.0"
#define AppExe "krakow-desk.exe"

[Setup]
; The AppId ties upgrades and the uninstaller to this program: never change it.
AppId={{60262EF3-968F-436A-AFA9-1278F3C69D6F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=City of Krakow
AppPublisherURL=https://www.krakow.pl/
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Everyone (as administrator) or only the current user, as the person installing chooses.
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=krakow-desk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\krakow-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version's bundle replaces the old one whole: stale libraries must not be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\krakow-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
