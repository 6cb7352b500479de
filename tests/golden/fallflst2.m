fallflst2(a,b)
 ; Running a routine whose first line has a formal list: no FALLINTOFLST.
 write "in fallflst2 ",$data(a),$data(b),!
 quit
