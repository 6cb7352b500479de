 set a=0
 if a Bhaskar
 w "one",!
 if 1 w "two",! else  foo bar
 else  w "no" zork
 if a w 1+
 w "three",!
 if 1 Bhaskar
 w "not here",!
