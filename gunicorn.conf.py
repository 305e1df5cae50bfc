"""Settings gunicorn reads when it serves the app (``gunicorn idmg.wsgi``).

gunicorn names itself and its version in a Server header on every response; the app answers as itself.
"""

import gunicorn

gunicorn.SERVER = gunicorn.SERVER_SOFTWARE = "idmg"
