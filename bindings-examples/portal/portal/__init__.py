"""The rollgate readiness portal: a small web application that embeds
rollgate through its Python package (ctypes over the C ABI).

Modules, one concept each: config (settings), database (SQLite or
PostgreSQL connections and transactions), schema (migrations), store (the
rows the portal keeps), engine (every update: validated by the library,
evaluated, stored in one transaction), seed (the bundled examples),
graph_svg and timeline_svg (pictures), auth (the write token), problems
(JSON problem documents), pages and api (the HTTP routes), app (the Flask
application)."""
