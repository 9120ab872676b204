#!/usr/bin/env bash
# verify-signatures.sh DIR: every .exe/.dll/.pyd directly in DIR (the unpacked CPython
# embeddable distribution) must carry a valid Authenticode signature by the Python
# Software Foundation or, for the Visual C++ runtime, Microsoft; otherwise exit 1.
#
# What this establishes offline: the file's digest matches its signature, the signer's
# chain leads to a trusted root (Debian's CA bundle plus the two Microsoft code-signing
# roots in certs/, pinned by fingerprint), and a valid RFC 3161 timestamp puts the
# signing inside the certificate's validity. What it cannot: revocation (CRLs are
# online; -ignore-crl), and nothing about files that carry no signature of their own
# (python3XX.zip, the ._pth file): the pinned sha256 of the sdist covers those.
set -euo pipefail
dir=${1:?usage: verify-signatures.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
command -v osslsigncode >/dev/null || { echo "osslsigncode is missing (apt-get install osslsigncode)" >&2; exit 1; }
fpr() { openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d :; }
[ "$(fpr "$here/certs/ms-root-2010.pem")" = DF545BF919A2439C36983B54CDFC903DFA4F37D3996D8D84B4C31EEC6F3C163E ] &&
[ "$(fpr "$here/certs/ms-root-2011.pem")" = 847DF6A78497943F27FC72EB93F9A637320A02B561D0A91B09E87A7807ED7C61 ] ||
  { echo "certs/: a Microsoft root certificate is not the pinned one" >&2; exit 1; }
cafile=$(mktemp); trap 'rm -f "$cafile"' EXIT
cat /etc/ssl/certs/ca-certificates.crt "$here"/certs/*.pem > "$cafile"

bad=0; count=0
shopt -s nullglob nocaseglob
for f in "$dir"/*.exe "$dir"/*.dll "$dir"/*.pyd; do
  count=$((count + 1))
  if ! out=$(osslsigncode verify -ignore-crl -CAfile "$cafile" -TSA-CAfile "$cafile" -in "$f" 2>&1); then
    echo "UNSIGNED OR INVALID: $(basename "$f")" >&2; bad=1; continue
  fi
  signer=$(grep -m1 'Subject:' <<<"$out" | sed 's/.*O=\([^/]*\).*/\1/')
  case "$signer" in
    "Python Software Foundation"|"Microsoft Corporation") ;;
    *) echo "UNEXPECTED SIGNER for $(basename "$f"): $signer" >&2; bad=1 ;;
  esac
done
[ "$count" -gt 0 ] || { echo "no .exe/.dll/.pyd in $dir" >&2; exit 1; }
[ "$bad" = 0 ] || exit 1
echo "signatures: $count files verified (PSF / Microsoft, timestamped; revocation not checked offline)"
