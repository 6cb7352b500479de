 ; A routine that starts without a label falls into its first label's formal list freely,
 ; but a labelled line falling into one is FALLINTOFLST.
 write "top",!
first(x)
 write "first ",$data(x),!
next
 write "next",!
second(y)
 write "never",!
 quit
