// The article's share box: copy the link, or open the phone's share sheet where the browser has
// one. Without this script the box still shows the QR code, the Weibo link and the URL field.
(function () {
    "use strict";

    function setUp(box) {
        var field = box.querySelector("[data-share-url]");
        var copy = box.querySelector("[data-share-copy]");
        var native = box.querySelector("[data-share-native]");
        var status = box.querySelector("[data-share-status]");
        if (!field || !status) {
            return;
        }

        function say(message) {
            status.textContent = message;
        }

        // Selecting the whole URL on focus makes copying it by hand one keystroke.
        field.addEventListener("focus", function () {
            field.select();
        });

        if (copy && navigator.clipboard && window.isSecureContext) {
            copy.hidden = false;
            copy.addEventListener("click", function () {
                navigator.clipboard.writeText(field.value).then(
                    function () {
                        say(box.dataset.copied);
                    },
                    function () {
                        field.focus();
                        say(box.dataset.copyFailed);
                    }
                );
            });
        }

        if (native && typeof navigator.share === "function") {
            native.hidden = false;
            native.addEventListener("click", function () {
                navigator.share({ title: native.dataset.shareTitle, url: field.value }).catch(
                    function () {
                        // The reader closed the sheet: nothing to say.
                    }
                );
            });
        }
    }

    document.querySelectorAll("[data-share]").forEach(setUp);
})();
