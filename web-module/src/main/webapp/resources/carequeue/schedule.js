/*
 * The schedule page's "read from a file": the chosen file's text goes into the import field named by
 * the input's data-into. A listener here, not an onchange attribute: the page's Content-Security-Policy
 * runs no inline script.
 */
document.addEventListener('change', event => {
    const input = event.target;
    if (input && input.id === 'importFile' && input.files && input.files[0]) {
        input.files[0].text().then(text => {
            document.getElementById(input.dataset.into).value = text;
        });
    }
});
