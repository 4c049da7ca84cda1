"""The address of the visitor behind a request, believing only the proxies we run."""

import ipaddress

from django.conf import settings

# Counted together when no address can be read at all (e.g. a Unix socket without a proxy header).
UNKNOWN_CLIENT = "0.0.0.0"  # noqa: S104 (a bucket name, never bound)
FORWARDING_HEADERS = ("HTTP_X_REAL_IP", "HTTP_X_FORWARDED_FOR")


def parse_ip(value):
    """`value` as an IP address, or None when it is not one."""
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def trusted_networks():
    """The networks of TRUSTED_PROXIES; an entry that is no address or network is ignored."""
    networks = []
    for entry in settings.TRUSTED_PROXIES:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return networks


def is_trusted(address, networks):
    """Whether `address` belongs to one of the trusted proxy networks."""
    return address is not None and any(address in network for network in networks)


def forwarded_client(request, networks):
    """The nearest untrusted address a trusted proxy reported, or None.

    Proxies append the address they saw, so reading from the right, past our own proxies, gives the
    first address no client could have written; anything further left may be made up.
    """
    for header in FORWARDING_HEADERS:
        for entry in reversed(request.META.get(header, "").split(",")):
            address = parse_ip(entry)
            if address is None:
                break
            if not is_trusted(address, networks):
                return address
    return None


def client_ip(request):
    """The client's address for rate limits: the peer, or what a trusted proxy says it is."""
    peer = parse_ip(request.META.get("REMOTE_ADDR") or "")
    networks = trusted_networks()
    if peer is None or is_trusted(peer, networks):
        forwarded = forwarded_client(request, networks) if networks else None
        if forwarded is not None:
            return str(forwarded)
    return str(peer) if peer is not None else UNKNOWN_CLIENT
