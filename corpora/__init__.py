"""Reference data bundled with offercheck (built by ``python -m corpora.build``; read by ``analyzer.corpora``)."""
