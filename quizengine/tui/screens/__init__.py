"""One screen per mode of the app: home, preparing, exam, drill, results, review, history, author preview."""
