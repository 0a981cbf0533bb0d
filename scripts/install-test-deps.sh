#!/usr/bin/env bash
# Install what the test suite needs from Debian when it is missing: Chromium for the
# browser tests, a PostgreSQL server for the PostgreSQL run, poppler-utils (pdftoppm,
# pdftotext) to render board-pack PDFs and read their text. Safe to run repeatedly:
# it installs only what is absent.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
{ [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; } || need+=(postgresql)
{ command -v pdftoppm && command -v pdftotext; } >/dev/null 2>&1 || need+=(poppler-utils)
# WeasyPrint renders board packs through Pango.
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# Issue 11 (PDF and text import): LibreOffice renders the scored corpus to PDF, and
# tesseract reads scanned PDFs that have no text layer.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
