"""The screens: home, set-up, interview, summary and help."""
