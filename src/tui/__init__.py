"""The Textual front end. The only package that imports textual; it drives the agent through
its session object and nothing else."""
