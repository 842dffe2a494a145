#!/bin/sh
# $BROWSER for headless sign-in tests: "visit" the page by following its redirects, which
# end at Utter's loopback listener with the authorization code.
exec curl -fsSL --noproxy '*' --max-time 20 -o /dev/null "$1"
