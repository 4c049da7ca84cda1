# Varnish in front of the CMS: anonymous readers' pages per URL (the path carries the language),
# purged by Wagtail's frontend cache (cms.cache_invalidation) with PURGE from the app hosts.
vcl 4.1;

import directors;

# The app nodes; bench/stack.py writes its own copy with the ports it started.
backend node1 { .host = "127.0.0.1"; .port = "8101"; .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }
backend node2 { .host = "127.0.0.1"; .port = "8102"; .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }

# Who may PURGE: the app nodes (loopback here; add their addresses on several machines).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # "/" stands for the whole site (a change to the settings or the navigation); any other
        # path drops every copy of it, whatever its query string (?page=2).
        if (req.url == "/") {
            ban("obj.http.x-host == " + req.http.host);
        } else {
            ban("obj.http.x-host == " + req.http.host + " && obj.http.x-path == " + req.url);
        }
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        return (synth(405, "Not allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never from the cache: the admins and their previews, search, the language choice, and "/",
    # which redirects by the reader's cookie and Accept-Language.
    if (req.url ~ "^/(admin|django-admin|documents|i18n|language)/" || req.url ~ "^/[\w-]+/search/"
        || req.url ~ "^/?(\?.*)?$") {
        return (pass);
    }
    # The language cookie and the CSRF cookie do not change a public page; any other cookie
    # (a session: someone signed in) does, so such requests go to the app.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)(django_language|csrftoken)=[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;?\s*", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        } else {
            return (pass);
        }
    }
    return (hash);
}

sub vcl_hash {
    # The language is the path's prefix (/zh-hans/, /en/), so URL and host key every copy.
    hash_data(req.url);
    hash_data(req.http.host);
    return (lookup);
}

sub vcl_backend_response {
    # Kept for bans (lurker-friendly: they test the object, not the request).
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # Only what the app marks public (s-maxage) is kept; private, no-store and cookies are not.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # A node that fails briefly is covered by the copy it last served.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
