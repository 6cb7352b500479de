empty	; does nothing: start-up cost of the interpreter
	quit
