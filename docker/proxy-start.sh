#!/bin/sh
# Starts the HTTPS proxy (docker-compose.yml, service "proxy") for every host in ALLOWED_HOSTS.
# The app reads ALLOWED_HOSTS comma-separated ("a.example,b.example"); Caddy takes a list of site
# addresses only with a space after each comma, so the list is rewritten into SITE_ADDRESS
# ("a.example, b.example") for docker/Caddyfile, then the command given runs (caddy run ...).
set -eu
set -f  # a "*" in the list is a host pattern, not a file name

addresses=""
old_ifs=$IFS
IFS=,
for host in ${ALLOWED_HOSTS:?Set ALLOWED_HOSTS to the site host names, comma-separated}; do
  host=$(printf '%s' "$host" | tr -d '[:space:]')
  case "$host" in
    "") continue ;;
    .* | *\** )
      echo "ALLOWED_HOSTS: '$host' is a pattern. The proxy gets a certificate for each host name," \
        "so list every host name the site answers to (for example a.example,b.example)." >&2
      exit 64 ;;
  esac
  addresses="${addresses:+$addresses, }$host"
done
IFS=$old_ifs

if [ -z "$addresses" ]; then
  echo "ALLOWED_HOSTS lists no host name." >&2
  exit 64
fi
SITE_ADDRESS=$addresses
export SITE_ADDRESS
exec "$@"
