// Sends the page's CSRF token with every htmx request and shows refused requests.
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers['X-CSRF-TOKEN'] = meta.content;
  }
});
document.addEventListener('htmx:responseError', function (event) {
  var box = document.getElementById('flash');
  if (!box) {
    box = document.createElement('p');
    box.id = 'flash';
    box.className = 'error';
    box.setAttribute('role', 'alert');
    document.querySelector('main').prepend(box);
  }
  var status = event.detail.xhr.status;
  box.textContent = status === 403
    ? 'Refused: reload the page and try again.'
    : 'The request failed (' + status + ').';
});
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
