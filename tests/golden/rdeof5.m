rdeof5 ; timed READ at end of file
 read x:1
 write "x=[",x,"] T=",$test," zeof=",$zeof,!
 read y:1
 write "y=[",y,"] T=",$test," zeof=",$zeof,!
 quit
