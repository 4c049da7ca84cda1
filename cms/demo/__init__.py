"""Demo content for `manage.py load_demo`: plain data in both languages and a generated figure."""
