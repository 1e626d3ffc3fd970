"""The Textual terminal UI of quizengine; nothing outside this package imports Textual."""
