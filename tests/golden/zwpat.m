zwpat ; ZWRITE with a pattern for the name and for subscripts (GT.M).
 set a=1,b=2,ab=3,abc(1)=4,abc(2,3)=5,B=6,aB=7,x1=8,%a=9
 write "-- ?1A",! zwrite ?1A
 write "-- ?1""a"".E",! zwrite ?1"a".E
 write "-- ?.A",! zwrite ?.A
 write "-- ?1U",! zwrite ?1U
 write "-- indirect",! set p="?1""a""2A" zwrite @p
 write "-- mixed",! zwrite ?1"x".N,b
 write "-- percent",! zwrite ?1"%".E
 write "-- abc(?1""2"",*)",! zwrite abc(?1"2",*)
 kill  set a=1,b(1)=2,b(2)=3,b(2,1)=4,b("x")=5,c=6
 write "-- ?1A(2)",! zwrite ?1A(2)
 write "-- ?1A(*)",! zwrite ?1A(*)
 write "-- b(?1N)",! zwrite b(?1N)
 write "-- b(?.N,*)",! zwrite b(?.N,*)
 write "-- b(?1A)",! zwrite b(?1A)
 write "-- no match",! zwrite ?1"q".E,b(?1"q")
 write ?3,"tab still works",!
 quit
